// Side panel: a click on an item scrolls to its highlight in the text and flashes it.
document.addEventListener("click", function (event) {
  var link = event.target.closest("a.jump");
  if (!link) return;
  var id = (link.getAttribute("href") || "").slice(1);
  var target = id && document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: "center" });
  target.classList.add("flash");
  setTimeout(function () { target.classList.remove("flash"); }, 1500);
});
