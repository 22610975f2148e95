"""Reviewer accounts, their password policy, server-side sessions and the login rate limit.

Passwords are argon2id hashes (argon2-cffi defaults). A session is a random token
in an HttpOnly, SameSite=Strict cookie; the store keeps only its SHA-256, with the
user, the CSRF token every form must echo, the group keys skipped, and an expiry.
Keeping sessions in the store (not in a signed cookie) means a password change,
disabling or removing an account ends its sessions at once. Expired sessions (and
their skip lists) are deleted at every login.

The password policy refuses fewer than 8 or more than 256 characters (argon2 hashes
any length, so an unbounded one is a cheap way to burn the server's CPU), a
password containing the user name, and the 30,000 most common passwords of the
list zxcvbn ships (``zxcvbn.frequency_lists``, MIT).
"""

from __future__ import annotations

import functools
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
MIN_PASSWORD, MAX_PASSWORD = 8, 256

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


@functools.cache
def _common_passwords() -> frozenset[str]:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def check_password(name: str, password: str) -> None:
    """Raise ReviewError if ``password`` breaks the policy (see the module docstring)."""
    if len(password) < MIN_PASSWORD:
        raise ReviewError(f"the password must have at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise ReviewError(f"the password must have at most {MAX_PASSWORD} characters")
    if name.casefold() in password.casefold():
        raise ReviewError("the password must not contain the user name")
    if password.casefold() in _common_passwords():
        raise ReviewError("the password is one of the 30,000 most common passwords; choose another")


def _check_name(name: str) -> None:
    if not NAME_RE.match(name):
        raise ReviewError("user names are 1-64 letters, digits or _ . @ -")


def add_user(store: Store, name: str, role: str, password: str) -> None:
    """Create or reset an account (an existing name gets the new role and password, is enabled, loses its sessions)."""
    _check_name(name)
    if role not in ROLES:
        raise ReviewError(f"role must be one of {', '.join(ROLES)}")
    check_password(name, password)
    store.collection(USERS).replace_one(
        {"_id": name},
        {"_id": name, "role": role, "password": _hasher.hash(password), "created_at": datetime.now(UTC),
         "disabled": False},
        upsert=True)
    end_sessions(store, name)


def get_user(store: Store, name: str) -> dict[str, Any]:
    """The account ``name``; ReviewError if there is none."""
    user = store.collection(USERS).find_one({"_id": name}) if NAME_RE.match(name or "") else None
    if user is None:
        raise ReviewError(f"no account named {name!r} (create it with `citywatch users add`)")
    return user


def active_user(store: Store, name: str) -> dict[str, Any]:
    """The account ``name`` if it exists and is enabled; ReviewError naming the problem otherwise."""
    user = get_user(store, name)
    if user.get("disabled"):
        raise ReviewError(f"account {name!r} is disabled")
    return user


def set_password(store: Store, name: str, password: str) -> None:
    """Change ``name``'s password; every open session of the account ends."""
    get_user(store, name)
    check_password(name, password)
    store.collection(USERS).update_one({"_id": name}, {"$set": {"password": _hasher.hash(password)}})
    end_sessions(store, name)


def set_disabled(store: Store, name: str, disabled: bool) -> None:
    """Disable (sessions end, logins refused) or re-enable ``name``."""
    get_user(store, name)
    store.collection(USERS).update_one({"_id": name}, {"$set": {"disabled": disabled}})
    if disabled:
        end_sessions(store, name)


def remove_user(store: Store, name: str) -> None:
    """Delete the account and its sessions; its decisions stay in the history under its name."""
    get_user(store, name)
    store.collection(USERS).delete_one({"_id": name})
    end_sessions(store, name)


def list_users(store: Store) -> list[dict[str, Any]]:
    """Every account (no hashes) with its number of live sessions, by name."""
    now = datetime.now(UTC)
    live: dict[str, int] = {}
    for session in store.collection(SESSIONS).find({}, {"user": 1, "expires_at": 1}):
        if session["expires_at"] >= now:
            live[session["user"]] = live.get(session["user"], 0) + 1
    users = store.collection(USERS).find({}, {"role": 1, "disabled": 1, "created_at": 1})
    return sorted(({"name": u["_id"], "role": u["role"], "disabled": bool(u.get("disabled")),
                    "created_at": u.get("created_at"), "sessions": live.get(u["_id"], 0)} for u in users),
                  key=lambda u: u["name"])


def find_login(store: Store, name: str) -> dict[str, Any] | None:
    """The enabled account a login form names, or None (then :func:`verify` checks a dummy hash)."""
    user = store.collection(USERS).find_one({"_id": name}) if NAME_RE.match(name or "") else None
    return None if user is None or user.get("disabled") else user


def verify(user: dict[str, Any] | None, password: str) -> bool:
    """Whether ``password`` is ``user``'s; CPU-bound (argon2), so the web app runs it in a worker thread.

    Takes as long for a missing user as for a wrong password; an over-long
    password is refused before hashing.
    """
    if len(password) > MAX_PASSWORD:
        return False
    try:
        _hasher.verify(user["password"] if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return False
    return user is not None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(store: Store, user: dict[str, Any]) -> str:
    """A new session for this user (expired sessions of everyone are deleted first); returns the cookie value."""
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    purge_expired(store, now)
    store.collection(SESSIONS).insert_one({"_id": _digest(token), "user": user["_id"], "role": user["role"],
                                           "csrf": secrets.token_urlsafe(32), "created_at": now,
                                           "expires_at": now + SESSION_TTL, "skipped": []})
    return token


def purge_expired(store: Store, now: datetime | None = None) -> int:
    """Delete sessions past their expiry, with their skip lists; returns how many."""
    return store.collection(SESSIONS).delete_many({"expires_at": {"$lt": now or datetime.now(UTC)}}).deleted_count


def end_sessions(store: Store, name: str) -> int:
    """End every session of account ``name`` at once; returns how many."""
    return store.collection(SESSIONS).delete_many({"user": name}).deleted_count


def find_session(store: Store, token: str | None) -> Session | None:
    if not token:
        return None
    doc = store.collection(SESSIONS).find_one({"_id": _digest(token)})
    if doc is None or doc["expires_at"] < datetime.now(UTC):
        return None
    user = store.collection(USERS).find_one({"_id": doc["user"]}, {"role": 1, "disabled": 1})
    if user is None or user.get("disabled"):  # sessions also end with their account, whatever deleted it
        return None
    return Session(doc["user"], user["role"], doc["csrf"], doc["_id"], tuple(doc.get("skipped") or ()))


def close_session(store: Store, session: Session) -> None:
    store.collection(SESSIONS).delete_one({"_id": session.token_hash})


def skip(store: Store, session: Session, key: str) -> None:
    store.collection(SESSIONS).update_one({"_id": session.token_hash}, {"$addToSet": {"skipped": key}})


def csrf_ok(session_token: str, sent: object) -> bool:
    """``sent`` is a form value: a string, a file (never a token) or None."""
    return isinstance(sent, str) and bool(sent) and secrets.compare_digest(session_token.encode(), sent.encode())


class LoginLimiter:
    """Password guesses allowed per ``window`` seconds, counted per account and per (account, address).

    * ``limit`` per (account, address): one client guessing one account.
    * ``account_limit`` per account from all addresses together (a distributed
      guesser), except from addresses where that account logged in successfully
      in the last ``trusted_for`` seconds: a guesser can then lock an account out
      only for addresses its owner never used.
    Failures against one account never count against another, so no client can
    lock out accounts it has not tried. An attempt is counted when it starts (and
    forgiven if it succeeds), so parallel requests cannot exceed the limit while
    their passwords are being checked. In memory, per process: a restart resets it.
    """

    def __init__(self, limit: int = 5, account_limit: int = 20, window: float = 60.0,
                 trusted_for: float = 30 * 86400.0, max_keys: int = 100_000) -> None:
        self.limit, self.account_limit, self.window = limit, account_limit, window
        self.trusted_for, self.max_keys = trusted_for, max_keys
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._trusted: dict[tuple[str, str], float] = {}
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def _sweep(self, now: float) -> None:
        """Forget keys with no failure inside the window, so rotating names or addresses cannot grow memory."""
        for key in [k for k, times in self._failures.items() if not times or times[-1] <= now - self.window]:
            del self._failures[key]
        for key in [k for k, at in self._trusted.items() if at <= now - self.trusted_for]:
            del self._trusted[key]

    def attempt(self, user: str, address: str) -> bool:
        """Count one attempt; False (nothing counted) if ``user`` may not try from ``address`` now."""
        account = user.lower()
        with self._lock:
            now = time.monotonic()
            if len(self._failures) + len(self._trusted) > self.max_keys:
                self._sweep(now)
            pair, everywhere = self._recent((account, address), now), self._recent((account, ""), now)
            trusted = self._trusted.get((account, address), -self.trusted_for) > now - self.trusted_for
            if len(pair) >= self.limit or (not trusted and len(everywhere) >= self.account_limit):
                return False
            pair.append(now)
            everywhere.append(now)
            return True

    def succeeded(self, user: str, address: str) -> None:
        """Forgive the successful attempt and trust this address for this account."""
        account = user.lower()
        with self._lock:
            now = time.monotonic()
            self._failures.pop((account, address), None)
            everywhere = self._failures.get((account, ""))
            if everywhere:
                everywhere.pop()
            self._trusted[(account, address)] = now
