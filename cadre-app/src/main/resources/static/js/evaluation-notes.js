// Evidence notes during an observation must never be lost. Everything typed is kept in this browser
// (localStorage) at once, and saved to Cadre as a draft shortly after (htmx, on the textarea). A note that is
// added while the connection is down waits in a queue on this device and is sent when the connection returns;
// each carries a key, so a note that reaches the server twice is kept once. Reopening the page after a closed
// tab brings back whatever had not reached the server.
(() => {
  const form = document.getElementById("note-form");
  if (!form) {
    return;
  }
  const id = form.dataset.observation;
  const draftKey = "cadre-note-draft-" + id;
  const queueKey = "cadre-note-queue-" + id;
  const textarea = document.getElementById("note-body");
  const status = document.getElementById("draft-status");
  const pending = document.getElementById("pending-notes");
  let flushing = false;

  const csrfHeaders = () => {
    const headers = { "Content-Type": "application/x-www-form-urlencoded", "HX-Request": "true" };
    const token = document.querySelector('meta[name="csrf-token"]');
    const header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  };
  const queue = () => JSON.parse(localStorage.getItem(queueKey) || "[]");
  const saveQueue = (notes) => {
    if (notes.length) {
      localStorage.setItem(queueKey, JSON.stringify(notes));
    } else {
      localStorage.removeItem(queueKey);
    }
    pending.textContent = notes.length
      ? notes.length + (notes.length === 1 ? " note" : " notes") + " kept on this device, waiting for the connection"
      : "";
  };
  const newKey = () => (window.crypto && crypto.randomUUID)
    ? crypto.randomUUID()
    : Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);

  // Whatever the server has not seen yet: a local draft that differs from the one the page was served with.
  let unsynced = false;
  const local = localStorage.getItem(draftKey);
  if (local !== null && local !== textarea.value) {
    textarea.value = local;
    unsynced = true;
  }

  const syncDraft = async () => {
    try {
      const response = await fetch(form.dataset.draftUrl, {
        method: "POST",
        headers: csrfHeaders(),
        body: new URLSearchParams({ body: textarea.value }),
        credentials: "same-origin",
      });
      if (response.ok) {
        status.textContent = await response.text();
        unsynced = false;
      }
    } catch (offline) {
      status.textContent = "Offline: your note is kept on this device and will be saved when the connection returns.";
    }
  };

  const flush = async () => {
    if (flushing) {
      return;
    }
    flushing = true;
    try {
      let notes = queue();
      while (notes.length) {
        const note = notes[0];
        const body = new URLSearchParams({ body: note.body, clientKey: note.clientKey });
        if (note.takenAt) {
          body.append("takenAt", note.takenAt);
        }
        note.dimensions.forEach((d) => body.append("dimensions", d));
        let response;
        try {
          response = await fetch(form.action, { method: "POST", headers: csrfHeaders(), body, credentials: "same-origin" });
        } catch (offline) {
          break;
        }
        if (response.status === 401 || response.status === 403 || response.redirected) {
          // The session ended (or its token changed): keep everything here until the appraiser signs in again.
          status.textContent = "Your session has ended: sign in again in another tab; your notes are kept on this device.";
          break;
        }
        if (response.ok) {
          const list = document.getElementById("notes");
          list.outerHTML = await response.text();
          // The server empties its draft when a note arrives; what is being typed now must be sent again.
          if (textarea.value) {
            unsynced = true;
          }
        } else if (response.status >= 500) {
          break;
        } else {
          status.textContent = "A note was refused: " + (await response.text()).replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").slice(0, 200);
        }
        notes = queue().filter((n) => n.clientKey !== note.clientKey);
        saveQueue(notes);
      }
      saveQueue(queue());
      if (unsynced) {
        await syncDraft();
      }
    } finally {
      flushing = false;
    }
  };

  textarea.addEventListener("input", () => {
    localStorage.setItem(draftKey, textarea.value);
    unsynced = true;
  });
  document.body.addEventListener("htmx:afterRequest", (event) => {
    if (event.detail.elt === textarea) {
      if (event.detail.successful) {
        unsynced = false;
      } else {
        status.textContent = "Offline: your note is kept on this device and will be saved when the connection returns.";
      }
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = textarea.value.trim();
    if (!text) {
      return;
    }
    const dimensions = Array.from(form.querySelectorAll('input[name="dimensions"]:checked')).map((box) => box.value);
    const notes = queue();
    notes.push({ clientKey: newKey(), body: text, dimensions, takenAt: new Date().toISOString() });
    saveQueue(notes);
    textarea.value = "";
    localStorage.setItem(draftKey, "");
    unsynced = true;
    form.querySelectorAll('input[name="dimensions"]:checked').forEach((box) => { box.checked = false; });
    flush();
  });
  window.addEventListener("online", flush);
  setInterval(() => {
    if (queue().length || unsynced) {
      flush();
    }
  }, 3000);
  saveQueue(queue());
  if (queue().length || unsynced) {
    flush();
  }
})();
