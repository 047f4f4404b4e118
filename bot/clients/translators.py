"""Machine-translation clients for stories (her language -> English) and replies (English -> hers).

Choice of provider is a data-protection decision as much as a quality one:

* ``libretranslate`` (default) is a LibreTranslate server we host ourselves, so patient stories never
  leave NHS-controlled infrastructure. The text travels only in a POST body, never in a URL, because
  URLs end up in proxy, load-balancer and web-server access logs.
* ``google`` goes through deep-translator's ``GoogleTranslator``, which scrapes the public web page
  ``translate.google.com/m``. That endpoint only takes the text as a GET query parameter, so the story
  lands in every log between us and Google; it is therefore not the default for NHS data.
* ``microsoft`` uses the Azure Translator API through deep-translator (text in a JSON body, key in a
  header) and needs an API key.
* ``none`` performs no translation at all (see :class:`NoTranslator`).

Nothing here logs message text: only provider, language codes and character counts.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Final, Protocol

from deep_translator import GoogleTranslator, MicrosoftTranslator
from deep_translator.constants import GOOGLE_LANGUAGES_TO_CODES
from deep_translator.exceptions import MicrosoftAPIerror, RequestError, TooManyRequests, TranslationNotFound

from flows.languages import LANGUAGES as ALL_LANGUAGES

log = logging.getLogger(__name__)

# Our language codes (mostly ISO 639-1; Dari has no 639-1 code, so it uses 639-3 "prs").
LANGUAGES: Final = tuple(language.code for language in ALL_LANGUAGES)

# Dari is written Persian: LibreTranslate and deep-translator's Google list only know Persian ("fa"),
# and written Dari is largely intelligible as Persian (vocabulary differs, which the approver's
# back-translation check exists to catch). Microsoft has a real Dari model, "prs".
_PROVIDER_OVERRIDES: Final[dict[str, dict[str, str]]] = {
    "libretranslate": {"prs": "fa"},
    "google": {"prs": "fa"},
    "microsoft": {},
    "none": {},
}

# Per-request size limits. deep-translator refuses Google text of 5000 characters or more; Azure
# Translator accepts up to 50 000 per request; LibreTranslate's limit is set per server (2000 on the
# public instance), and smaller requests also keep each call well inside the timeout.
_MAX_CHARS: Final[dict[str, int]] = {"libretranslate": 2000, "google": 4999, "microsoft": 50_000}

# Break points, most preferred first: paragraphs, then sentence ends (Latin, Urdu/Arabic "۔ ؟",
# Bengali/Gujarati/Punjabi "।", Ethiopic "።") or line breaks, then any whitespace.
_BREAKS: Final = (
    re.compile(r"[^\S\n]*\n[^\S\n]*\n\s*"),
    re.compile(r"(?<=[.!?…۔؟।॥።፧])\s+|[^\S\n]*\n\s*"),
    re.compile(r"\s+"),
)


class TranslationError(Exception):
    """A translation could not be produced; ``retryable`` tells the caller whether trying later can help.

    Messages never contain the text being translated, so they are safe to log and to show staff.
    """

    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


class Translator(Protocol):
    name: str

    def translate(self, text: str, source: str, target: str) -> str: ...


def provider_code(lang: str, provider: str) -> str:
    """Map our code to the provider's, refusing unknown pairs before any text is sent anywhere."""
    if provider not in _PROVIDER_OVERRIDES:
        raise ValueError(f"unknown translation provider {provider!r}")
    if lang not in LANGUAGES:
        raise TranslationError(f"language {lang!r} is not one allvoices supports", retryable=False)
    code = _PROVIDER_OVERRIDES[provider].get(lang, lang)
    if provider == "google" and code not in GOOGLE_LANGUAGES_TO_CODES.values():
        raise TranslationError(f"language {lang!r} is not supported by google", retryable=False)
    return code


def _segments(text: str, limit: int, level: int = 0) -> list[tuple[str, str]]:
    """Cut text into (chunk, separator) pairs with chunks of at most ``limit`` characters.

    Separators are kept out of the chunks and re-inserted verbatim, because providers strip or rewrite
    leading/trailing whitespace and the paragraph layout of a story matters to the reader.
    ``"".join(c + s for c, s in result) == text`` always holds.
    """
    if len(text) <= limit:
        return [(text, "")]
    if level == len(_BREAKS):
        return [(text[i : i + limit], "") for i in range(0, len(text), limit)]

    pieces: list[tuple[str, str]] = []
    pos = 0
    for match in _BREAKS[level].finditer(text):
        pieces.append((text[pos : match.start()], match.group()))
        pos = match.end()
    pieces.append((text[pos:], ""))

    out: list[tuple[str, str]] = []
    chunk: str | None = None
    chunk_sep = ""
    for piece, sep in pieces:
        if not piece and chunk is not None:  # only at the very end: text ends with a separator
            chunk_sep += sep
            continue
        if chunk and len(chunk) + len(chunk_sep) + len(piece) <= limit:
            chunk, chunk_sep = chunk + chunk_sep + piece, sep
            continue
        if chunk is not None:
            out.append((chunk, chunk_sep))
        if len(piece) <= limit:
            chunk, chunk_sep = piece, sep
        else:
            parts = _segments(piece, limit, level + 1)
            last, last_sep = parts[-1]
            out.extend(parts[:-1])
            out.append((last, last_sep + sep))
            chunk = None
    if chunk is not None:
        out.append((chunk, chunk_sep))
    return out


def _translate_in_chunks(text: str, limit: int, send: Callable[[str], str]) -> str:
    return "".join((send(chunk) if chunk.strip() else chunk) + sep for chunk, sep in _segments(text, limit))


def _translate(
    provider: str, text: str, source: str, target: str, send: Callable[[str, str, str], str]
) -> str:
    """What every provider does around its own request: codes, nothing to send, chunking, a log line."""
    src, tgt = provider_code(source, provider), provider_code(target, provider)
    text = text.strip()
    if not text or src == tgt:
        return text
    log.info("translate provider=%s %s->%s chars=%d", provider, src, tgt, len(text))
    return _translate_in_chunks(text, _MAX_CHARS[provider], lambda chunk: send(chunk, src, tgt))


class NoTranslator:
    """Provider ``none``: hands text back unchanged (whitespace-only becomes ""), whatever the languages.

    For deployments (and development) with no translation service: staff then read stories in the
    original language and women receive replies in English. Nothing marks the text as untranslated;
    callers that care can check ``translator.name == "none"``.
    """

    name = "none"

    def translate(self, text: str, source: str, target: str) -> str:
        return text if text.strip() else ""


class LibreTranslateTranslator:
    """Self-hosted LibreTranslate over its JSON API: the default, because the text stays on our servers.

    deep-translator's own LibreTranslate class is deliberately not used: it knows only 17 languages and
    sends the text in the URL query string. Which languages work depends on the models installed on the
    server, so unsupported pairs are reported by the server (HTTP 400, not retryable).
    """

    name = "libretranslate"

    def __init__(self, url: str, api_key: str | None = None, timeout: float = 10.0) -> None:
        if not url.startswith(("http://", "https://")):
            raise ValueError("TRANSLATE_URL must be an http(s) URL of the LibreTranslate server")
        self._endpoint = url.rstrip("/") + "/translate"
        self._api_key = api_key
        self._timeout = timeout

    def translate(self, text: str, source: str, target: str) -> str:
        return _translate(self.name, text, source, target, self._post)

    def _post(self, chunk: str, src: str, tgt: str) -> str:
        body: dict[str, str] = {"q": chunk, "source": src, "target": tgt, "format": "text"}
        if self._api_key:
            body["api_key"] = self._api_key
        request = urllib.request.Request(
            self._endpoint,
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json", "Accept": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                payload = json.loads(response.read())
        except urllib.error.HTTPError as exc:
            status = exc.code
            log.warning("translate provider=%s %s->%s failed status=%d", self.name, src, tgt, status)
            raise TranslationError(
                f"LibreTranslate HTTP {status}: {_libretranslate_error(exc)}",
                retryable=status == 429 or status >= 500,
            ) from None
        except (OSError, ValueError) as exc:  # timeout, refused, reset, non-JSON body
            reason = type(exc).__name__
            log.warning("translate provider=%s %s->%s failed %s", self.name, src, tgt, reason)
            raise TranslationError(f"LibreTranslate unreachable: {reason}", retryable=True) from None
        translated = payload.get("translatedText") if isinstance(payload, dict) else None
        if not isinstance(translated, str):
            raise TranslationError("LibreTranslate response has no translatedText", retryable=True)
        return translated


def _libretranslate_error(exc: urllib.error.HTTPError) -> str:
    """The server's own reason (e.g. "pa is not supported"), which tells ops what to fix."""
    try:
        error = json.loads(exc.read()).get("error")
    except (OSError, ValueError, AttributeError):
        return str(exc.reason)
    return str(error)[:200]


class _MicrosoftClient(MicrosoftTranslator):  # type: ignore[misc]  # deep_translator is untyped
    """MicrosoftTranslator whose constructor does not fetch the language list.

    Upstream downloads the list from a hard-coded Azure URL, without a timeout, every time a translator
    is built; our languages are fixed and all supported by Azure, so the list is known in advance.
    """

    def _get_supported_languages(self) -> dict[str, str]:
        return {code: code for code in LANGUAGES}


class DeepTranslatorTranslator:
    """Hosted services through deep-translator: ``google`` (no key) or ``microsoft`` (key required).

    ``url`` replaces the service root (``https://translate.google.com`` or
    ``https://api.cognitive.microsofttranslator.com``), for a regional endpoint or a test server.
    deep-translator calls ``requests`` without a timeout, so each call runs in a daemon thread and is
    abandoned after ``timeout`` seconds; a hung connection then finishes or dies in the background.
    Exceptions from deep-translator are not chained because they quote the text (and Google URLs
    contain it).
    """

    def __init__(
        self, provider: str, api_key: str | None = None, url: str | None = None, timeout: float = 10.0
    ) -> None:
        if provider not in ("google", "microsoft"):
            raise ValueError(f"deep-translator provider must be 'google' or 'microsoft', not {provider!r}")
        if provider == "microsoft" and not api_key:
            raise ValueError("the microsoft provider needs TRANSLATE_API_KEY")
        self.name = provider
        self._api_key = api_key
        self._url = url.rstrip("/") if url else None
        self._timeout = timeout

    def translate(self, text: str, source: str, target: str) -> str:
        return _translate(self.name, text, source, target, self._call)

    def _call(self, chunk: str, src: str, tgt: str) -> str:
        outcome: list[object] = []

        def run() -> None:
            try:
                outcome.append(self._client(src, tgt).translate(chunk))
            except Exception as exc:
                outcome.append(exc)

        worker = threading.Thread(target=run, name=f"translate-{self.name}", daemon=True)
        worker.start()
        worker.join(self._timeout)
        if not outcome:
            log.warning("translate provider=%s %s->%s timed out", self.name, src, tgt)
            raise TranslationError(f"{self.name} timed out after {self._timeout}s", retryable=True)
        result = outcome[0]
        if isinstance(result, Exception):
            error = self._classify(result)
            log.warning("translate provider=%s %s->%s failed: %s", self.name, src, tgt, error)
            raise error from None
        # GoogleTranslator returns None when Google echoes text with no letters or digits ("!!!").
        return chunk if result is None else str(result)

    def _client(self, src: str, tgt: str) -> GoogleTranslator | MicrosoftTranslator:
        # Built per call: deep-translator keeps per-request state on the instance, so sharing one
        # between threads would mix up requests.
        if self.name == "google":
            client = GoogleTranslator(source=src, target=tgt)
            if self._url:
                client._base_url = self._url + "/m"  # no constructor argument for this in 1.11.4
            return client
        client = _MicrosoftClient(source=src, target=tgt, api_key=self._api_key)
        if self._url:
            client._base_url = self._url + "/translate?api-version=3.0"
        return client

    def _classify(self, exc: Exception) -> TranslationError:
        if isinstance(exc, TooManyRequests):
            return TranslationError(f"{self.name} rate limit (HTTP 429)", retryable=True)
        if isinstance(exc, MicrosoftAPIerror):
            # Azure error codes are the HTTP status followed by three digits, e.g. 401000, 429001.
            match = re.search(r"'code': (\d{6})", exc.api_message)
            code = match.group(1) if match else "without code"
            status = int(code[:3]) if match else 0
            return TranslationError(f"microsoft error {code}", retryable=status == 429 or status >= 500)
        if isinstance(exc, AttributeError) and self.name == "microsoft":
            # deep-translator swallows connection errors and then calls .json() on a None response.
            return TranslationError("microsoft unreachable", retryable=True)
        if isinstance(exc, RequestError):
            # Any other non-2xx from Google; deep-translator does not expose the status, so a 403 block
            # looks like a 503 and both are treated as passing.
            return TranslationError(f"{self.name} HTTP error", retryable=True)
        if isinstance(exc, TranslationNotFound):
            # A page without a result: a captcha (passes) or a changed layout (needs a deep-translator
            # upgrade); the caller's retry cap bounds the cost of guessing "passes".
            return TranslationError(f"{self.name} page had no translation", retryable=True)
        if isinstance(exc, OSError):  # requests' errors: timeout, refused, reset, undecodable body
            return TranslationError(f"{self.name} request failed: {type(exc).__name__}", retryable=True)
        return TranslationError(f"{self.name} failed: {type(exc).__name__}", retryable=False)


def make_translator(provider: str, url: str | None, api_key: str | None, timeout: float = 10.0) -> Translator:
    """Build the translator from TRANSLATE_PROVIDER / TRANSLATE_URL / TRANSLATE_API_KEY.

    Misconfiguration raises ``ValueError`` at start-up rather than failing on the first story.
    """
    provider = (provider or "libretranslate").strip().lower()
    if provider not in _PROVIDER_OVERRIDES:
        raise ValueError(
            f"TRANSLATE_PROVIDER must be libretranslate, google, microsoft or none, not {provider!r}"
        )
    if provider == "none":
        return NoTranslator()
    if provider == "libretranslate":
        if not url:
            raise ValueError("TRANSLATE_URL must point at the LibreTranslate server")
        return LibreTranslateTranslator(url, api_key, timeout)
    return DeepTranslatorTranslator(provider, api_key, url, timeout)
