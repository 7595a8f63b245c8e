// Marks the page as running scripts, which shows the controls that only work with them (the
// search boxes of the pickers). Without scripts the pages work as plain forms and links.
document.documentElement.classList.add("scripted");
