// The report form with JavaScript on: seal the tip in this browser and post only the
// envelope (through the hidden #sealed form, so the answer is the same receipt page as
// without JavaScript). If sealing cannot be done here, the ordinary form is posted over
// the secure connection and the service seals it on arrival; so is a report with files.
import { sealTip } from './seal.js';
import { solve } from './pow.js';

const form = document.getElementById('report');
const sealedForm = document.getElementById('sealed');
const progress = document.getElementById('progress');

function say(text) {
  progress.hidden = false;
  progress.textContent = text;
}

async function getJson(path) {
  const response = await fetch(path, { cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer' });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

async function sealAndSend() {
  const data = new FormData(form);
  const tip = { category: data.get('category'), body: data.get('body') };
  const location = (data.get('location') ?? '').trim();
  if (location) tip.location = location;
  const region = data.get('region') ?? '';
  if (region && region !== 'unknown') tip.region = region;
  say(progress.dataset.sealing);
  const envelope = await sealTip(await getJson('/api/v1/intake-key'), tip);
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
  form.addEventListener('submit', (event) => {
    // Files go with the ordinary form (multipart), sealed by the service as they
    // arrive; sealing them in this browser is still to come.
    if (form.elements.attachments?.files?.length) return;
    event.preventDefault();
    if (busy) return;
    busy = true;
    form.querySelector('button[type=submit]').disabled = true;
    sealAndSend().catch(() => {
      say(progress.dataset.failed);
      form.submit();
    });
  });
}
