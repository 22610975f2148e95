"""Reviewer accounts, server-side sessions and the login rate limit.

Passwords are argon2id hashes (argon2-cffi defaults). A session is a random token
in an HttpOnly, SameSite=Strict cookie; the store keeps only its SHA-256, with the
user, the CSRF token every form must echo, and an expiry. Keeping sessions in the
store (not in a signed cookie) means logging out or disabling a user ends them at
once.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from citywatch.review.vocabulary import ReviewError
from citywatch.store import Store

ROLES = ("reviewer", "admin")
USERS, SESSIONS = "users", "sessions"
SESSION_TTL = timedelta(hours=12)
NAME_RE = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")
MIN_PASSWORD = 8

_hasher = PasswordHasher()
# Checked when the user does not exist, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


@dataclass(frozen=True)
class Session:
    user: str
    role: str
    csrf: str
    token_hash: str
    skipped: tuple[str, ...] = ()  # group keys this session skipped (read with the session: no second query)


def add_user(store: Store, name: str, role: str, password: str) -> None:
    """Create or reset an account (an existing name gets the new role and password)."""
    if not NAME_RE.match(name):
        raise ReviewError("user names are 1-64 letters, digits or _ . @ -")
    if role not in ROLES:
        raise ReviewError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise ReviewError(f"the password must have at least {MIN_PASSWORD} characters")
    store.collection(USERS).replace_one(
        {"_id": name},
        {"_id": name, "role": role, "password": _hasher.hash(password), "created_at": datetime.now(UTC)},
        upsert=True)


def authenticate(store: Store, name: str, password: str) -> dict[str, Any] | None:
    user = store.collection(USERS).find_one({"_id": name}) if NAME_RE.match(name or "") else None
    try:
        _hasher.verify(user["password"] if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    return user


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(store: Store, user: dict[str, Any]) -> str:
    """A new session for this user; returns the cookie value."""
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    store.collection(SESSIONS).insert_one({"_id": _digest(token), "user": user["_id"], "role": user["role"],
                                           "csrf": secrets.token_urlsafe(32), "created_at": now,
                                           "expires_at": now + SESSION_TTL, "skipped": []})
    return token


def find_session(store: Store, token: str | None) -> Session | None:
    if not token:
        return None
    doc = store.collection(SESSIONS).find_one({"_id": _digest(token)})
    if doc is None or doc["expires_at"] < datetime.now(UTC):
        return None
    user = store.collection(USERS).find_one({"_id": doc["user"]}, {"role": 1})
    if user is None:  # account removed: its sessions die with it
        return None
    return Session(doc["user"], user["role"], doc["csrf"], doc["_id"], tuple(doc.get("skipped") or ()))


def close_session(store: Store, session: Session) -> None:
    store.collection(SESSIONS).delete_one({"_id": session.token_hash})


def skip(store: Store, session: Session, key: str) -> None:
    store.collection(SESSIONS).update_one({"_id": session.token_hash}, {"$addToSet": {"skipped": key}})


def csrf_ok(session_token: str, sent: str | None) -> bool:
    return bool(sent) and secrets.compare_digest(session_token.encode(), sent.encode())


class LoginLimiter:
    """Failed logins allowed per ``window`` seconds: ``limit`` per (user, address), ``4 * limit`` per address.

    The second bound stops one address from trying many user names. In memory, per
    process: restarting the server resets it, which is acceptable for a desk tool.
    """

    def __init__(self, limit: int = 5, window: float = 60.0) -> None:
        self.limit, self.window = limit, window
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def blocked(self, user: str, address: str) -> bool:
        with self._lock:
            now = time.monotonic()
            return (len(self._recent((user.lower(), address), now)) >= self.limit
                    or len(self._recent(("", address), now)) >= 4 * self.limit)

    def failed(self, user: str, address: str) -> None:
        with self._lock:
            now = time.monotonic()
            self._recent((user.lower(), address), now).append(now)
            self._recent(("", address), now).append(now)

    def succeeded(self, user: str, address: str) -> None:
        with self._lock:
            self._failures.pop((user.lower(), address), None)
