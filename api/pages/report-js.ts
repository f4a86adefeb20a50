/**
 * /assets/report.js: sends the report form to the public reports endpoint as JSON and says
 * on the page whether it went. The messages come from the form's data attributes, so they
 * are in the page's language.
 */
export const REPORT_JS = `// Perinatal Signpost: report a problem with a listing.
const form = document.querySelector("form[data-report]");
const status = document.getElementById("report-status");
if (form && status) {
  const say = (text) => {
    status.hidden = false;
    status.textContent = text;
    status.focus();
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const reason = data.get("reason");
    if (!reason) return say(form.dataset.choose);
    const text = String(data.get("text") || "").trim();
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const res = await fetch(form.action, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(text ? { reason, text } : { reason }),
      });
      if (res.status === 201) {
        form.hidden = true;
        say(form.dataset.sent);
      } else {
        say(res.status === 429 ? form.dataset.limited : form.dataset.failed);
      }
    } catch {
      say(form.dataset.failed);
    } finally {
      button.disabled = false;
    }
  });
}
`;
