/**
 * Copies text; true when it worked. The Clipboard API needs a secure context, so over plain http the older
 * execCommand path is tried on a temporary, off-screen textarea.
 */
export async function copyText(value) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(value);
      return true;
    } catch {
      // fall through to the legacy path
    }
  }
  const area = document.createElement('textarea');
  area.value = value;
  area.setAttribute('readonly', '');
  area.className = 'fixed -left-[9999px] top-0';
  document.body.appendChild(area);
  area.select();
  let copied;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}
