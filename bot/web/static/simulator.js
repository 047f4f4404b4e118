// The simulator phone: send what she types, and show every message in order (polled, no websockets).
(function () {
  "use strict";
  var phone = document.querySelector(".phone");
  var list = document.getElementById("messages");
  var form = document.getElementById("compose");
  var box = document.getElementById("text");
  var shown = "";

  function render(messages) {
    var key = JSON.stringify(messages);
    if (key === shown) { return; }
    shown = key;
    list.textContent = "";
    messages.forEach(function (message) {
      var item = document.createElement("li");
      item.className = "bubble bubble--" + (message.from === "her" ? "her" : "service");
      item.setAttribute("dir", "auto");
      var text = message.text || "";
      if (message.media && message.media.length) {
        text = (text ? text + "\n" : "") + message.media.map(function (m) { return "[" + m + "]"; }).join(" ");
      }
      item.textContent = text;
      if (message.choices && message.choices.length && phone.classList.contains("phone--telegram")) {
        var buttons = document.createElement("div");
        buttons.className = "bubble__buttons";
        message.choices.forEach(function (choice, index) {
          var button = document.createElement("button");
          button.type = "button";
          button.textContent = choice;
          button.addEventListener("click", function () { send(String(index + 1), ""); });
          buttons.appendChild(button);
        });
        item.appendChild(buttons);
      }
      list.appendChild(item);
    });
    list.scrollTop = list.scrollHeight;
  }

  function refresh() {
    fetch(phone.dataset.messagesUrl, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) { render(data.messages || []); })
      .catch(function () {});
  }

  var recording = document.getElementById("recording");

  function send(text, media, withRecording) {
    var data = new FormData(form);
    data.set("text", text);
    if (media) { data.set("media", media); }
    if (!withRecording) { data.delete("recording"); }
    return fetch(phone.dataset.sendUrl, { method: "POST", body: data, credentials: "same-origin" })
      .then(refresh);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = box.value;
    box.value = "";
    send(text, "");
  });
  box.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });
  document.querySelectorAll("[data-media]").forEach(function (button) {
    button.addEventListener("click", function () { send(box.value, button.dataset.media); box.value = ""; });
  });
  document.getElementById("send-recording").addEventListener("click", function () {
    if (!recording.files.length) { return; }
    send(box.value, "", true).then(function () { recording.value = ""; });
    box.value = "";
  });
  refresh();
  setInterval(refresh, 2000);
})();
