/* WPPError: an Error with a code, and the extra fields copied onto it, as wa-js throws. */
// ---- errors ------------------------------------------------------------------------------------------
function WPPError(code, message, extra) {
  var error = new Error(message);
  Object.setPrototypeOf(error, WPPError.prototype);
  error.code = code;
  if (extra) Object.keys(extra).forEach(function (k) { error[k] = extra[k]; });
  return error;
}
WPPError.prototype = Object.create(Error.prototype);
WPPError.prototype.constructor = WPPError;

export { WPPError };
