// The answer form on /follow-up with JavaScript on: files are checked here for a clear
// message, then sealed in this browser (`files.js`) and sent in place of the files
// chosen, so the service never sees them. If sealing cannot be done here, the form goes
// as it is and the service seals the files on arrival.
import { getJson } from './seal.js';
import { checkFiles, attachSealed, limitsOf, showRefusal, FileRefused } from './files.js';

const form = document.getElementById('answer-form');
const filesError = document.getElementById('files-error');

async function sealFiles(input, checked) {
  await attachSealed(form, await getJson('/api/v1/intake-key'), checked);
  // A disabled input is not sent: only the sealed copies go.
  input.disabled = true;
  form.submit();
}

if (form && filesError && globalThis.crypto?.subtle) {
  let busy = false;
  const button = form.querySelector('button[type=submit]');
  form.addEventListener('submit', async (event) => {
    const input = form.elements.attachments;
    if (!input?.files?.length) return;
    event.preventDefault();
    if (busy) return;
    busy = true;
    button.disabled = true;
    filesError.hidden = true;
    let checked;
    try {
      checked = await checkFiles([...input.files], limitsOf(input));
    } catch (refused) {
      if (refused instanceof FileRefused) {
        showRefusal(filesError, refused);
        busy = false;
        button.disabled = false;
        return;
      }
      form.submit();
      return;
    }
    sealFiles(input, checked).catch(() => {
      input.disabled = false;
      form.querySelector('input[name="sealed_attachments"]')?.remove();
      form.submit();
    });
  });
}
