// Material's tab-from-hash restore, moved out of an inline <script> for the Content-Security-Policy.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
