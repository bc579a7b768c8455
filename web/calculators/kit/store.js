// What each calculator remembers between visits, in localStorage. A full or blocked storage only
// loses the memory, never the calculation.
export const store = (key) => {
  const name = `start-calculators:${key}`;
  return {
    load: () => {
      try {
        return JSON.parse(localStorage.getItem(name));
      } catch {
        return null;
      }
    },
    save: (value) => {
      try {
        localStorage.setItem(name, JSON.stringify(value));
      } catch {
        // storage full or blocked: nothing to do
      }
    },
    clear: () => {
      try {
        localStorage.removeItem(name);
      } catch {
        // storage blocked: nothing to do
      }
    },
  };
};
