#!/usr/bin/env python3
"""Writes one e-mail with Python's standard email package (EmailMessage, SMTP policy), as a
notification script of a case system would. Python decides the encodings itself: RFC 2047 for
non-ASCII headers, RFC 2231 for non-ASCII file names, quoted-printable or base64 bodies.

usage: pymail.py spec.json out.eml
spec: {"seed": int, "from": [name, addr], "to": [[name, addr], ...], "cc": [...], "subject": str,
       "date": str, "message_id": str, "text": str, "html": str|null,
       "attachments": [{"file": path, "filename": str, "type": "application/pdf"}]}
"""
import json
import random
import sys
from email.headerregistry import Address
from email.message import EmailMessage
from email import policy


def addr(pair):
    name, address = pair
    local, domain = address.split("@")
    return Address(display_name=name or "", username=local, domain=domain)


def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    random.seed(spec.get("seed", 0))  # the boundaries come from random
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = addr(spec["from"])
    msg["To"] = [addr(p) for p in spec["to"]]
    if spec.get("cc"):
        msg["Cc"] = [addr(p) for p in spec["cc"]]
    msg["Subject"] = spec["subject"]
    msg["Date"] = spec["date"]
    msg["Message-ID"] = spec["message_id"]
    msg["X-Mailer"] = "noordwaard-notify/1.3"
    msg.set_content(spec["text"])
    if spec.get("html"):
        msg.add_alternative(spec["html"], subtype="html")
    for a in spec.get("attachments", []):
        data = open(a["file"], "rb").read()
        maintype, subtype = a["type"].split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=a["filename"])
    open(sys.argv[2], "wb").write(msg.as_bytes(policy=policy.SMTP))


if __name__ == "__main__":
    main()
