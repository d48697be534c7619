"""E-mail of ``pantau watch run --email``: one message per saved search with new articles,
through the SMTP server of the settings (``PANTAU_SMTP_*``)."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

from pantau.errors import InvalidInput, PantauError
from pantau.settings import Settings
from pantau.watch import Report, as_text


class DeliveryError(PantauError):
    """The SMTP server refused or could not be reached: nothing was recorded as reported."""

    status_code = 502
    code = "delivery_error"
    exit_code = 1


def message(report: Report, to: str, settings: Settings) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = settings.smtp_from
    msg["To"] = to
    msg["Subject"] = f"Pantau: {len(report.new)} artikel baru untuk '{report.watch.name}'"
    search = f"{settings.public_url.rstrip('/')}/?{report.watch.params}"
    msg.set_content(as_text([report], settings.public_url) + f"\n{search}\n")
    return msg


def send(reports: list[Report], settings: Settings, to: str | None = None) -> int:
    """Send the reports that have news to ``to`` or their watch's address; the number sent."""
    if not settings.smtp_host:
        raise InvalidInput("no SMTP server: set PANTAU_SMTP_HOST (and PANTAU_SMTP_PORT, ...)")
    messages = [message(r, to or r.watch.email, settings) for r in reports
                if r.new and (to or r.watch.email)]
    if not messages:
        return 0
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30) as smtp:
            if settings.smtp_starttls:
                smtp.starttls()
            if settings.smtp_user:
                smtp.login(settings.smtp_user, settings.smtp_password)
            for msg in messages:
                smtp.send_message(msg)
    except (OSError, smtplib.SMTPException) as exc:
        raise DeliveryError(f"could not send e-mail through {settings.smtp_host}:"
                            f"{settings.smtp_port}: {exc}") from exc
    return len(messages)
