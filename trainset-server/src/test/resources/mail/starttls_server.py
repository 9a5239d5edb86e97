"""An SMTP server that requires STARTTLS and then AUTH (Debian's python3-aiosmtpd), for
SmtpStartTlsTest: the mailer's default mode against an independent implementation.

Usage: starttls_server.py PORT CERT_PEM KEY_PEM USER PASSWORD OUT_DIR
Prints "ready" once listening; each message is written to OUT_DIR/N.eml with the envelope
(MAIL FROM, RCPT TO) and whether the session was under TLS and authenticated in OUT_DIR/N.json.
Stops when its stdin closes.
"""
import json
import os
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

port, cert, key, user, password, out = sys.argv[1:7]


class Handler:
    def __init__(self):
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(out, str(self.count))
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        with open(base + ".json", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                       "tls": session.ssl is not None, "authenticated": bool(session.authenticated)}, f)
        return "250 OK"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == user.encode() \
        and auth_data.password == password.encode()
    return AuthResult(success=ok, handled=False)


context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)
controller = Controller(Handler(), hostname="127.0.0.1", port=int(port), tls_context=context,
                        require_starttls=True, auth_required=True, auth_require_tls=True,
                        authenticator=authenticate)
controller.start()
print("ready", flush=True)
sys.stdin.read()
controller.stop()
