"""'Listen' (partials/listen.html, assets/javascripts/read-aloud.js) in Chromium, with the
browser's speech synthesis replaced by a stand-in that reports which voices exist and
records what it is asked to say: the control shows only with a voice on the device for
the text's language, and reads in that language with that voice."""

from __future__ import annotations

import pytest

from browser import chromium, require_browser

pytestmark = pytest.mark.browser

# A speech synthesis with the given voices that says nothing: it records each utterance
# and ends it at once, so the page reads paragraph after paragraph.
SPEECH = """
window.__said = [];
window.SpeechSynthesisUtterance = function (text) { this.text = text; this.lang = ""; this.voice = null; };
Object.defineProperty(window, "speechSynthesis", {configurable: true, value: {
  voices: VOICES,
  paused: false,
  getVoices: function () { return this.voices; },
  addEventListener: function () {},
  speak: function (utterance) {
    window.__said.push({text: utterance.text, lang: utterance.lang, voice: utterance.voice && utterance.voice.name});
    if (utterance.onstart) utterance.onstart();
    if (window.__said.length < 3 && utterance.onend) setTimeout(function () { utterance.onend(); }, 0);
  },
  pause: function () { this.paused = true; }, resume: function () { this.paused = false; }, cancel: function () {}
}});
"""


@pytest.fixture
def context():
    require_browser()
    with chromium(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True) as context:
        yield context


def page_with(context, site_url, path, voices: str):
    page = context.new_page()
    page.add_init_script(script=SPEECH.replace("VOICES", voices))
    page.goto(site_url + path)
    return page


def test_no_voice_on_the_device_means_no_control(context, site_url):
    online_only = '[{name: "Online", lang: "es-US", localService: false}]'
    page = page_with(context, site_url, "es/team/", online_only)
    assert page.locator(".iep-listen").is_hidden()


def test_a_voice_for_another_language_only_means_no_control(context, site_url):
    page = page_with(context, site_url, "es/team/", '[{name: "Local en", lang: "en-US", localService: true}]')
    assert page.locator(".iep-listen").is_hidden()


def test_it_reads_in_the_page_language_with_the_local_voice(context, site_url):
    voices = ('[{name: "Online es", lang: "es-US", localService: false},'
              ' {name: "Local es", lang: "es-MX", localService: true}]')
    page = page_with(context, site_url, "es/team/", voices)
    listen = page.locator(".iep-listen__play")
    assert listen.is_visible()
    assert listen.text_content() == "Escuchar esta página"
    listen.click()
    page.wait_for_function("window.__said.length === 3")
    said = page.evaluate("window.__said")
    h1 = page.locator("article h1").text_content().strip()
    assert said[0] == {"text": h1, "lang": "es-MX", "voice": "Local es"}
    assert {item["voice"] for item in said} == {"Local es"}
    assert page.locator(".iep-reading").count() == 1  # the paragraph being read is marked
    assert listen.text_content() == "Pausa"
    listen.click()
    assert listen.text_content() == "Seguir"
    assert page.evaluate("window.speechSynthesis.paused")
    page.locator(".iep-listen__stop").click()
    assert page.locator(".iep-reading").count() == 0
    assert listen.text_content() == "Escuchar esta página"
    assert page.locator(".iep-listen__stop").count() == 0


def test_the_reader_loads_only_when_asked(context, site_url):
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.add_init_script(script=SPEECH.replace("VOICES", '[{name: "Local", lang: "en-US", localService: true}]'))
    page.goto(site_url + "team/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if url.endswith("read-aloud.js")]
    page.locator(".iep-listen__play").click()
    page.wait_for_function("window.__said.length > 0")
    assert [url for url in requests if url.endswith("read-aloud.js")]
