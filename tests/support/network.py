"""Misbehaving networks for sync tests, as requests transport adapters on a client's session."""
from __future__ import annotations

import requests
from requests.adapters import HTTPAdapter

from claimcare_desktop.sync import protocol


class LosingAdapter(HTTPAdapter):
    """Delivers pushes to HQ (which commits them) but loses the next `lose` answers; with
    `duplicate`, sends every push twice and returns the second answer."""

    def __init__(self, lose: int = 0, duplicate: bool = False):
        super().__init__()
        self.lose = lose
        self.duplicate = duplicate
        self.pushes = 0

    def send(self, request, **kwargs):
        if not request.path_url.startswith(protocol.PUSH):
            return super().send(request, **kwargs)
        self.pushes += 1
        if self.duplicate:
            super().send(request, **kwargs)
        response = super().send(request, **kwargs)
        if self.lose > 0:
            self.lose -= 1
            raise requests.ConnectionError("answer lost after HQ committed")
        return response


def use_network(client, adapter: HTTPAdapter | None = None) -> None:
    client.session.mount("http://", adapter or HTTPAdapter())


class SpreadingAdapter(HTTPAdapter):
    """Sends each request to the next of several HQ processes (a load balancer, in short)."""

    def __init__(self, from_url: str, to_urls: list[str]):
        super().__init__()
        self.from_url = from_url
        self.to_urls = to_urls
        self.sent = 0

    def send(self, request, **kwargs):
        target = self.to_urls[self.sent % len(self.to_urls)]
        self.sent += 1
        request.url = request.url.replace(self.from_url, target, 1)
        return super().send(request, **kwargs)


def run_together(*calls, timeout: float = 60) -> list:
    """Start every call in its own thread at once; their results, in order of finishing."""
    import threading

    results: list = []
    threads = [threading.Thread(target=lambda c=c: results.append(c())) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout)
    return results
