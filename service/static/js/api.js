// Calls to the service's JSON API, with upload progress, cancellation and readable errors.

const KEY_STORAGE = "normalizer.apiKey";

export function storedKey() {
  return sessionStorage.getItem(KEY_STORAGE) ?? "";
}

export function storeKey(key) {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
}

/** An answer of the service that is not a success, or no answer at all (status 0). */
export class ApiError extends Error {
  constructor(status, code, message, requestId, retryAfter) {
    super(message);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
  }

  /** A title saying what happened and what to do about it. */
  get title() {
    switch (this.status) {
      case 0: return "The service did not answer.";
      case 400: return "The service refused the request.";
      case 401: return "This service needs an API key: enter it in the API key field above.";
      case 413: return "The text is too large for this service: send a shorter part of it.";
      case 415: case 422: return "The service could not read the text.";
      case 429: return `Too many requests: wait ${this.retryAfter ?? "a few"} seconds and try again.`;
      case 503: return "The service took too long: try a shorter text.";
      default: return this.status >= 500 ? "The service failed." : "The request failed.";
    }
  }
}

function parseError(xhr) {
  const requestId = xhr.getResponseHeader("X-Request-ID");
  const retryAfter = xhr.getResponseHeader("Retry-After");
  let code = "http_error";
  let message = `HTTP ${xhr.status} ${xhr.statusText}`.trim();
  try {
    const body = JSON.parse(xhr.responseText);
    if (body?.error?.message) {
      code = body.error.code;
      message = `${body.error.message} (HTTP ${xhr.status} ${code})`;
    }
  } catch {
    // not JSON (a proxy's page, say): the status line is all there is
  }
  return new ApiError(xhr.status, code, message, requestId, retryAfter);
}

/**
 * Send a request to the service. `onProgress(phase, fraction)` hears the upload ("upload",
 * 0..1), then the wait ("wait"), then the download ("download", 0..1 or null).
 * Returns { promise, cancel }; the promise resolves to the parsed JSON answer.
 */
export function call(method, path, body, { onProgress = () => {} } = {}) {
  const xhr = new XMLHttpRequest();
  const promise = new Promise((resolve, reject) => {
    xhr.open(method, path);
    xhr.setRequestHeader("Accept", "application/json");
    const key = storedKey();
    if (key) xhr.setRequestHeader("X-API-Key", key);
    xhr.upload.onprogress = (event) => {
      onProgress("upload", event.lengthComputable ? event.loaded / event.total : null);
    };
    xhr.upload.onload = () => onProgress("wait", null);
    xhr.onprogress = (event) => {
      onProgress("download", event.lengthComputable ? event.loaded / event.total : null);
    };
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(parseError(xhr));
        return;
      }
      try {
        resolve(JSON.parse(xhr.responseText));
      } catch {
        reject(new ApiError(xhr.status, "bad_answer", "the answer is not JSON"));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, "network", "no connection to the service"));
    xhr.onabort = () => reject(new ApiError(0, "cancelled", "cancelled"));
    if (body === undefined) {
      xhr.send();
    } else {
      xhr.setRequestHeader("Content-Type", "application/json");
      xhr.send(JSON.stringify(body));
    }
  });
  return { promise, cancel: () => xhr.abort() };
}
