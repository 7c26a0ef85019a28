// The print button of the printable checklists (pages/_checklist_phases.md.j2):
// it opens the browser's print dialog, whose "Save as PDF" is the download.
// Without this script the button would do nothing, so it stays hidden until here.
for (const button of document.querySelectorAll(".icp-checklist__print-button")) {
  button.addEventListener("click", () => window.print());
  button.hidden = false;
}
