"""A learning platform simulated for the tests, over real HTTP on 127.0.0.1: its own RSA key
pair and JWKS, id_tokens signed as Moodle or Canvas sign them, an OAuth2 token endpoint that
grants access only for a client-credentials JWT signed with one of the tool's keys, and an AGS
line item that records the scores it receives."""

from __future__ import annotations

import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
DL_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership#"
INSTRUCTOR, LEARNER = ROLE + "Instructor", ROLE + "Learner"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
LINEITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"
CLIENT_ID = "quizsite-client-7"
DEPLOYMENT_ID = "deployment-1"
COURSE = {"id": "course-42", "label": "HIST-3B", "title": "Histoire 3e B"}


def new_private_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def pem(private_key) -> bytes:
    return private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def public_jwk(private_key, kid: str) -> dict:
    jwk = json.loads(RSAAlgorithm.to_jwk(private_key.public_key()))
    return {**jwk, "kid": kid, "alg": "RS256", "use": "sig"}


def verify_with_jwks(token: str, jwks: dict, **options) -> dict:
    """Verify a JWT the tool signed, with the key of its JWKS that its header names."""
    kid = jwt.get_unverified_header(token)["kid"]
    (key,) = [key for key in jwks["keys"] if key["kid"] == kid]
    return jwt.decode(
        token, RSAAlgorithm.from_jwk(json.dumps(key)), algorithms=["RS256"], **options
    )


@dataclass
class FakePlatform:
    url: str = ""
    issuer: str = "https://moodle.college-exemple.fr"
    kid: str = "platform-key-1"
    key: object = field(default_factory=new_private_key)
    # Filled by the test: the tool's JWKS, as its /lti/jwks.json serves it.
    tool_jwks: dict = field(default_factory=lambda: {"keys": []})
    token_requests: list = field(default_factory=list)
    scores: list = field(default_factory=list)
    score_status: int = 200
    tokens: set = field(default_factory=set)
    # Browser side: the launches the course page offers (by lti_message_hint), the deep-linking
    # answers posted back.
    launches: dict = field(default_factory=dict)
    deep_link_answers: list = field(default_factory=list)

    def course_url(self, launch: str) -> str:
        return f"{self.url}/course?{urlencode({'launch': launch})}"

    @property
    def lineitem(self) -> str:
        return f"{self.url}/lineitems/7/lineitem"

    def jwks(self) -> dict:
        return {"keys": [public_jwk(self.key, self.kid)]}

    def id_token(self, *, nonce: str, sub: str, roles: list[str], key=None, kid=None, **claims):
        """An id_token as the platform posts it to the tool after its OIDC login."""
        now = int(time.time())
        body = {
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "sub": sub,
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            "given_name": "Camille",
            "family_name": "Lefèvre",
            LTI + "version": "1.3.0",
            LTI + "deployment_id": DEPLOYMENT_ID,
            LTI + "roles": roles,
            LTI + "context": {
                **COURSE,
                "type": ["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"],
            },
            LTI + "tool_platform": {"guid": "moodle-42", "name": "Moodle du collège"},
        }
        body.update(claims)
        return jwt.encode(
            {key: value for key, value in body.items() if value is not None},
            pem(key or self.key),
            algorithm="RS256",
            headers={"kid": kid or self.kid},
        )

    def resource_claims(self, *, target: str, resource_link: str = "rl-1", ags: bool = True):
        claims = {
            LTI + "message_type": "LtiResourceLinkRequest",
            LTI + "target_link_uri": target,
            LTI + "resource_link": {"id": resource_link, "title": "Quiz d’histoire"},
        }
        if ags:
            claims[AGS_ENDPOINT] = {
                "scope": [LINEITEM_SCOPE, SCORE_SCOPE],
                "lineitems": f"{self.url}/lineitems",
                "lineitem": self.lineitem,
            }
        return claims

    def deep_linking_claims(self, *, target: str):
        return {
            LTI + "message_type": "LtiDeepLinkingRequest",
            LTI + "target_link_uri": target,
            DL_SETTINGS: {
                "deep_link_return_url": f"{self.url}/deep-linking/return",
                "accept_types": ["ltiResourceLink"],
                "accept_presentation_document_targets": ["iframe", "window"],
                "data": "opaque-platform-data",
            },
        }

    # The platform's pages, for a real browser.

    def course_page(self, query: dict) -> str:
        """The course page: one activity, whose link starts the tool's OIDC login."""
        launch = self.launches[query["launch"]]
        fields = {
            "iss": self.issuer,
            "client_id": CLIENT_ID,
            "login_hint": launch["sub"],
            "lti_message_hint": query["launch"],
            "target_link_uri": launch["target"],
        }
        return _page(
            "Cours Histoire 3e B",
            _form(launch["login_url"], fields, launch["button"], method="get"),
        )

    def authorize(self, query: dict) -> str:
        """The OIDC authorization endpoint: the signed id_token, posted back by the browser."""
        launch = self.launches[query["lti_message_hint"]]
        token = self.id_token(
            nonce=query["nonce"], sub=query["login_hint"], roles=launch["roles"], **launch["claims"]
        )
        form = _form(
            query["redirect_uri"], {"id_token": token, "state": query["state"]}, "Continuer"
        )
        return _page("Redirection", form + "<script>document.forms[0].submit()</script>")

    def receive_deep_link(self, form: dict) -> str:
        self.deep_link_answers.append(form["JWT"])
        return _page("Activité ajoutée", "<p>L’activité a été ajoutée au cours.</p>")

    # The platform's HTTP side.

    def grant_token(self, form: dict) -> tuple[int, dict]:
        """OAuth2 client credentials with a JWT assertion (LTI security framework §4.1)."""
        assertion = form.get("client_assertion", "")
        self.token_requests.append(form)
        try:
            assert form.get("grant_type") == "client_credentials"
            assert (
                form.get("client_assertion_type")
                == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
            )
            claims = verify_with_jwks(
                assertion,
                self.tool_jwks,
                audience=f"{self.url}/token",
                options={"require": ["exp", "iat", "jti"]},
            )
            assert claims["iss"] == claims["sub"] == CLIENT_ID
        except (AssertionError, ValueError, KeyError, jwt.PyJWTError) as error:
            return 401, {"error": "invalid_client", "error_description": repr(error)}
        token = secrets.token_urlsafe(16)
        self.tokens.add(token)
        return 200, {"access_token": token, "token_type": "Bearer", "expires_in": 3600}

    def receive_score(self, path: str, headers, body: bytes) -> tuple[int, dict]:
        bearer = headers.get("Authorization", "").removeprefix("Bearer ")
        if bearer not in self.tokens:
            return 401, {"error": "unauthorized"}
        if headers.get("Content-Type") != "application/vnd.ims.lis.v1.score+json":
            return 415, {}
        if self.score_status != 200:
            return self.score_status, {"error": "platform down"}
        self.scores.append({"path": path, **json.loads(body)})
        return 200, {}


def _form(action: str, fields: dict, button: str, method: str = "post") -> str:
    inputs = "".join(
        f'<input type="hidden" name="{escape(k)}" value="{escape(v)}">' for k, v in fields.items()
    )
    return (
        f'<form method="{method}" action="{escape(action)}">{inputs}'
        f'<button type="submit">{escape(button)}</button></form>'
    )


def _page(title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><h1>{title}</h1>{body}</body></html>"
    )


class _Handler(BaseHTTPRequestHandler):
    platform: FakePlatform

    def _answer(self, status: int, payload: dict) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _html(self, html: str) -> None:
        body = html.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        if url.path == "/jwks":
            return self._answer(200, self.platform.jwks())
        if url.path == "/course":
            return self._html(self.platform.course_page(query))
        if url.path == "/auth":
            return self._html(self.platform.authorize(query))
        return self._answer(404, {})

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path == "/deep-linking/return":
            form = {key: values[0] for key, values in parse_qs(body.decode()).items()}
            return self._html(self.platform.receive_deep_link(form))
        if self.path == "/token":
            form = {key: values[0] for key, values in parse_qs(body.decode()).items()}
            return self._answer(*self.platform.grant_token(form))
        if self.path.startswith("/lineitems/") and self.path.endswith("/scores"):
            return self._answer(*self.platform.receive_score(self.path, self.headers, body))
        return self._answer(404, {})

    def log_message(self, *args):  # quiet test output
        pass


class PlatformServer:
    """The platform's endpoints served from a thread, for the length of a test."""

    def __init__(self, platform: FakePlatform):
        handler = type("Handler", (_Handler,), {"platform": platform})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        platform.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
