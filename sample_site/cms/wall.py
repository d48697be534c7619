"""Tembok: a site behind a bot wall. Every page is a 403 challenge page, as a shield in front
of a regional outlet answers a crawler; robots.txt-style files too."""

from __future__ import annotations

from sample_site.base import Response
from sample_site.cms import Ctx

CHALLENGE = """<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta name="robots" content="noindex,nofollow"></head><body><div class="main-wrapper" role="main">
<h1>Memeriksa browser Anda</h1><p>Verifikasi bahwa Anda bukan robot sebelum melanjutkan.</p>
<form id="challenge-form" action="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1" method="POST">
<input type="hidden" name="cf-chl-token" value="0"></form></div></body></html>"""


def handle(ctx: Ctx, rest: str) -> Response:
    return Response(403, CHALLENGE, headers={"Cache-Control": "no-store"})
