// The report form with JavaScript on: seal the tip in this browser and post only the
// envelope (through the hidden #sealed form, so the answer is the same receipt page as
// without JavaScript), with any files sealed here too (`files.js`), after checking their
// type and size for a clear message. If sealing cannot be done here, the ordinary form is
// posted over the secure connection and the service seals it, files and all, on arrival.
import { sealTip, getJson } from './seal.js';
import { solve } from './pow.js';
import { checkFiles, attachSealed, limitsOf, showRefusal, FileRefused } from './files.js';

const form = document.getElementById('report');
const sealedForm = document.getElementById('sealed');
const progress = document.getElementById('progress');
const filesError = document.getElementById('files-error');

function say(text) {
  progress.hidden = false;
  progress.textContent = text;
}

async function sealAndSend(checked) {
  const data = new FormData(form);
  const tip = { category: data.get('category'), body: data.get('body') };
  const location = (data.get('location') ?? '').trim();
  if (location) tip.location = location;
  const region = data.get('region') ?? '';
  if (region && region !== 'unknown') tip.region = region;
  say(progress.dataset.sealing);
  const key = await getJson('/api/v1/intake-key');
  const envelope = await sealTip(key, tip);
  if (checked.length) await attachSealed(sealedForm, key, checked);
  say(progress.dataset.working);
  const pow = await getJson('/api/v1/pow');
  if (pow.required) {
    sealedForm.elements.pow_challenge.value = pow.challenge;
    sealedForm.elements.pow_nonce.value = await solve(pow.challenge, pow.difficulty);
  }
  sealedForm.elements.sealed.value = JSON.stringify(envelope);
  sealedForm.submit();
  // The sealed copy is on its way: clear the words from the page so that going back
  // (someone else, on a shared phone) does not show them.
  form.reset();
}

if (form && sealedForm && progress && globalThis.crypto?.subtle) {
  let busy = false;
  const button = form.querySelector('button[type=submit]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    button.disabled = true;
    const input = form.elements.attachments;
    let checked = [];
    try {
      filesError.hidden = true;
      checked = await checkFiles([...(input?.files ?? [])], limitsOf(input));
    } catch (refused) {
      if (refused instanceof FileRefused) {
        // Nothing is sent: the reporter chooses the files again.
        showRefusal(filesError, refused);
        busy = false;
        button.disabled = false;
        return;
      }
      // The files could not be read here: the service seals them on arrival.
      say(progress.dataset.failed);
      form.submit();
      return;
    }
    sealAndSend(checked).catch(() => {
      say(progress.dataset.failed);
      form.submit();
    });
  });
}
