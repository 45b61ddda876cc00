// The phone menu is a <details> and works without this file. With it, Escape closes the open
// menu and puts the focus back on its button, as a menu button does elsewhere.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  const menu = document.querySelector(".menu-toggle[open]");
  if (!menu) return;
  menu.open = false;
  menu.querySelector("summary").focus();
});
