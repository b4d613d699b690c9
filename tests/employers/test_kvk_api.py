"""The real KvK API client against a stub server on loopback.

The stub is an http.server.ThreadingHTTPServer on 127.0.0.1 with a port the OS picks; it
serves fixture JSON per KvK number, records the requests it got, and is shut down after each
test. The one slow answer waits on an event that teardown sets, so nothing outlives the test.
"""

import json
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from employers.kvk import CompanyData, KvkNotFound, KvkUnavailable, kvk_lookup
from employers.kvk.api import KvkApiClient

API_KEY = "l7xx-secret-test-key-0123456789"
SLOW_SECONDS = 3

BASISPROFIEL = {
    "kvkNummer": "69599084",
    "indNonMailing": "Ja",
    "naam": "Schoonmaakbedrijf Proef B.V.",
    "formeleRegistratiedatum": "20170911",
    "materieleRegistratie": {"datumAanvang": "20170901"},
    "totaalWerkzamePersonen": 25,
    "statutaireNaam": "Schoonmaakbedrijf Proef B.V.",
    "handelsnamen": [{"naam": "Schoonmaakbedrijf Proef", "volgorde": 0}],
    "sbiActiviteiten": [
        {"sbiCode": "8122", "sbiOmschrijving": "Glazenwassen", "indHoofdactiviteit": "Nee"},
        {"sbiCode": "8121", "sbiOmschrijving": "Algemene reiniging van gebouwen",
         "indHoofdactiviteit": "Ja"},
    ],
    "_embedded": {
        "hoofdvestiging": {
            "vestigingsnummer": "000037178598",
            "kvkNummer": "69599084",
            "eersteHandelsnaam": "Schoonmaakbedrijf Proef",
            "indHoofdvestiging": "Ja",
            "adressen": [
                {"type": "correspondentieadres", "indAfgeschermd": "Nee",
                 "volledigAdres": "Postbus 3021 3003AA Rotterdam", "postbusnummer": 3021,
                 "postcode": "3003AA", "plaats": "Rotterdam", "land": "Nederland"},
                {"type": "bezoekadres", "indAfgeschermd": "Nee",
                 "volledigAdres": "Watermolen 38 A 3011JC Rotterdam", "straatnaam": "Watermolen",
                 "huisnummer": 38, "huisletter": "A", "postcode": "3011JC",
                 "plaats": "Rotterdam", "land": "Nederland"},
            ],
        },
        "eigenaar": {"rechtsvorm": "BeslotenVennootschap"},
    },
}
ENDED = {**BASISPROFIEL, "kvkNummer": "69599085",
         "materieleRegistratie": {"datumAanvang": "20170901", "datumEinde": "20210101"}}
NOT_FOUND = {"fout": [{"code": "IPD0004", "omschrijving": "Het kvkNummer is niet gevonden"}]}


class StubKvk(BaseHTTPRequestHandler):
    """Answers per KvK number; the number decides the scenario."""

    def do_GET(self):
        self.server.received.append((self.path, dict(self.headers)))
        number = self.path.rsplit("/", 1)[-1]
        if not self.path.startswith("/api/v1/basisprofielen/"):
            self._json(400, {"fout": [{"code": "IPD1999", "omschrijving": "onbekend pad"}]})
        elif number == "69599084":
            self._json(200, BASISPROFIEL)
        elif number == "69599085":
            self._json(200, ENDED)
        elif number == "50000500":
            self._json(500, {"fout": [{"code": "IPD9999", "omschrijving": "storing"}]})
        elif number == "50000401":
            self._json(401, {"fout": [{"code": "IPD0001", "omschrijving": "apikey ongeldig"}]})
        elif number == "50000302":
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{self.server.server_port}/elders")
            self.end_headers()
        elif number == "50000200":
            self._raw(200, b"<html>onderhoud</html>")
        elif number == "50000999":
            self.server.release.wait(SLOW_SECONDS)
            self._json(200, BASISPROFIEL)
        else:
            self._json(404, NOT_FOUND)

    def _json(self, status, payload):
        self._raw(status, json.dumps(payload).encode())

    def _raw(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass  # The client gave up (the timeout test); nothing to deliver to.

    def log_message(self, format, *args):
        pass


@pytest.fixture
def stub():
    server = ThreadingHTTPServer(("127.0.0.1", 0), StubKvk)
    server.daemon_threads = True
    server.received = []
    server.release = threading.Event()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def client(stub):
    return KvkApiClient(f"http://127.0.0.1:{stub.server_port}/api", API_KEY, timeout=0.5)


def assert_key_not_leaked(error):
    text = "".join(traceback.format_exception(error))
    assert API_KEY not in text
    assert API_KEY not in repr(error.args)


def test_maps_a_basisprofiel(client, stub):
    assert client.lookup("6959 9084") == CompanyData(
        kvk_number="69599084",
        name="Schoonmaakbedrijf Proef B.V.",
        street_address="Watermolen 38A",
        postcode="3011 JC",
        city="Rotterdam",
        sbi_activity="Algemene reiniging van gebouwen",
        is_active=True,
    )
    path, headers = stub.received[0]
    assert path == "/api/v1/basisprofielen/69599084"


def test_sends_the_api_key_in_the_apikey_header(client, stub):
    client.lookup("69599084")
    _path, headers = stub.received[0]
    assert {k.lower(): v for k, v in headers.items()}["apikey"] == API_KEY
    assert API_KEY not in stub.received[0][0]
    assert API_KEY not in repr(client)


def test_ended_registration_is_inactive(client):
    assert client.lookup("69599085").is_active is False


def test_404_is_not_found(client):
    with pytest.raises(KvkNotFound) as caught:
        client.lookup("12345678")
    assert_key_not_leaked(caught.value)


@pytest.mark.parametrize("number", ["50000500", "50000401", "50000200"])
def test_server_errors_and_garbage_are_unavailable(client, number):
    with pytest.raises(KvkUnavailable) as caught:
        client.lookup(number)
    assert_key_not_leaked(caught.value)
    assert "niet bereikbaar" in caught.value.user_message


def test_slow_answer_beyond_the_timeout_is_unavailable(client):
    with pytest.raises(KvkUnavailable) as caught:
        client.lookup("50000999")
    assert_key_not_leaked(caught.value)


def test_redirect_is_refused_so_the_key_stays_home(client, stub):
    with pytest.raises(KvkUnavailable) as caught:
        client.lookup("50000302")
    assert_key_not_leaked(caught.value)
    assert [path for path, _headers in stub.received] == ["/api/v1/basisprofielen/50000302"]


def test_connection_refused_is_unavailable(stub):
    port = stub.server_port
    stub.shutdown()
    stub.server_close()
    client = KvkApiClient(f"http://127.0.0.1:{port}/api", API_KEY, timeout=0.5)
    with pytest.raises(KvkUnavailable) as caught:
        client.lookup("69599084")
    assert_key_not_leaked(caught.value)


def test_key_stays_out_of_the_logs(client, caplog):
    with pytest.raises(KvkUnavailable):
        client.lookup("50000401")
    assert "401" in caplog.text
    assert API_KEY not in caplog.text


def test_kvk_lookup_uses_the_api_backend_when_configured(settings, stub):
    settings.KVK_BACKEND = "api"
    settings.KVK_API_BASE_URL = f"http://127.0.0.1:{stub.server_port}/api/"
    settings.KVK_API_KEY = API_KEY
    assert kvk_lookup("69599084").name == "Schoonmaakbedrijf Proef B.V."


@pytest.mark.parametrize("base_url", ["file:///etc", "ftp://127.0.0.1/api", "127.0.0.1/api"])
def test_only_http_base_urls_are_accepted(base_url):
    with pytest.raises(ValueError):
        KvkApiClient(base_url, API_KEY)
