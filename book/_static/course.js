// Accessibility repairs for markup the site does not write itself (checked by axe-core in
// tests/test_book_browser.py).
document.addEventListener("DOMContentLoaded", () => {
  // The sidebar's expand/collapse toggles are <summary> elements holding only an icon: name them
  // after the section they open.
  document.querySelectorAll("nav.bd-docs-nav details > summary").forEach((summary) => {
    const link = summary.closest("li")?.querySelector(":scope > a");
    const section = link ? link.textContent.trim() : "this section";
    summary.setAttribute("aria-label", `Show or hide the pages under ${section}`);
  });
  // A lesson figure holds plotly's toolbar buttons, which role="img" would hide from assistive
  // technology (axe-core: nested-interactive). As role="figure" it keeps its alt text as its name
  // and the buttons stay reachable.
  document.querySelectorAll('.smcourse-figure[role="img"]').forEach((figure) => {
    figure.setAttribute("role", "figure");
  });
});
