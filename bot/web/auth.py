"""Staff sign-in: Flask-Login over sessions kept on the server (``storage.staff_sessions``), argon2
passwords, limits on attempts shared by every process (``sign_in_limits``), roles, and the security
headers every page carries (a strict Content Security Policy through flask-talisman).

The session cookie names a server-side session, not a person: signing out revokes it, so a copy of the
cookie stops working too, and deactivating someone ends every session they have.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import wraps
from typing import Any, TypeVar, cast

from flask import Blueprint, Flask, abort, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from flask_talisman import Talisman  # type: ignore[import-untyped]
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired

from bot.services import Services
from bot.web import known_device, sign_in_limits
from bot.web.current import services
from flows import review as workflow
from flows.review import Permission
from storage import audit, sign_in_failures, staff, staff_sessions
from storage.models import StaffUser

blueprint = Blueprint("auth", __name__, url_prefix="/review")
login_manager = LoginManager()
#: a session nobody has used for this long has ended (a computer left signed in on a ward)
IDLE = timedelta(hours=12)

#: Only our own scripts, styles, images and media: no inline script can run, so text that slipped past
#: escaping still could not act. Her media is served from our origin, decrypted, to moderators.
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "media-src": "'self'",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


class Staff(UserMixin):  # type: ignore[misc]
    """The signed-in person, detached from the database session that loaded them.

    ``get_id`` is the server-side session's token, not the user id: it is what Flask-Login keeps in the
    cookie and hands back to ``_load``, so a revoked session loads nobody.
    """

    def __init__(self, user: StaffUser, token: str) -> None:
        self.id = user.id
        self.username = user.username
        self.display_name = user.display_name
        self.job_title = user.job_title
        self.role = user.role
        self.token = token

    def get_id(self) -> str:
        return self.token

    def can(self, permission: str) -> bool:
        """Templates ask by name (``current_user.can('moderate')``); an unknown name is never allowed."""
        try:
            return workflow.can(self.role, Permission(permission))
        except ValueError:
            return False


def me() -> Staff:
    return cast(Staff, current_user)


class LoginForm(FlaskForm):  # type: ignore[misc]
    username = StringField("Username", validators=[DataRequired()])
    password = PasswordField("Password", validators=[DataRequired()])


def init_app(app: Flask) -> None:
    """Sign-in and security headers. Cookies stay Secure only when served over HTTPS
    (``Settings.secure_cookies``), so ``make demo`` works on plain http://127.0.0.1."""
    secure = cast(Services, app.extensions["allvoices"]).settings.secure_cookies
    Talisman(
        app,
        force_https=False,  # TLS ends at the proxy in production; locally there is none
        strict_transport_security=secure,
        session_cookie_secure=secure,
        session_cookie_http_only=True,
        session_cookie_samesite="Lax",
        frame_options="DENY",
        referrer_policy="same-origin",
        content_security_policy=CONTENT_SECURITY_POLICY,
        permissions_policy={"camera": "()", "microphone": "()", "geolocation": "()"},
    )
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please sign in to see this page."


@login_manager.user_loader  # type: ignore[untyped-decorator]
def _load(token: str) -> Staff | None:
    with services().db.session() as db:
        user = staff_sessions.user_for(db, token, IDLE)
        return Staff(user, token) if user is not None else None


F = TypeVar("F", bound=Callable[..., Any])


def requires(permission: Permission) -> Callable[[F], F]:
    """Signed in and allowed: otherwise to the sign-in page, or 403 for the wrong role."""

    def decorate(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not me().can(permission):
                abort(403)
            return view(*args, **kwargs)

        return cast(F, wrapped)

    return decorate


def _address() -> str:
    """The socket's address, or the one a trusted proxy saw (``bot.web.proxies``)."""
    return request.remote_addr or "unknown"


def _minutes(left: timedelta) -> str:
    minutes = max(1, round(left.total_seconds() / 60))
    return "a minute" if minutes == 1 else f"{minutes} minutes"


@blueprint.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    form = LoginForm()
    if not form.validate_on_submit():
        return render_template("review/login.html", form=form)
    username = (form.username.data or "").strip().lower()
    device = known_device.read(request)
    known = device.id if device is not None and device.knows(username) else None
    now = datetime.now(UTC)
    signed_in: Staff | None = None
    # Pages are rendered after this block: showing one loads whoever is signed in, with a session of its own.
    with services().db.session() as db:
        left = sign_in_limits.wait(db, username, _address(), known, now)
        user = None if left is not None else staff.authenticate(db, username, form.password.data or "")
        if user is not None:
            signed_in = Staff(user, staff_sessions.start(db, user.id))
            audit.record(db, user.username, "sign_in")
        elif left is None:
            sign_in_failures.record(db, username, _address(), known, now)
    if left is not None:
        flash(f"There have been too many tries to sign in. Please wait {_minutes(left)}, then try again.")
        return render_template("review/login.html", form=form), 429
    if signed_in is None:
        flash("That username and password did not match. Please try again.")
        return render_template("review/login.html", form=form)
    session.clear()  # nothing from before signing in is carried into the signed-in session
    login_user(signed_in)
    target = request.args.get("next", "")
    if not target.startswith("/review") or target.startswith("//"):
        target = url_for("queue.index")
    response = redirect(target)
    known_device.remember(response, device, signed_in.username)
    return response


@blueprint.post("/logout")
def logout() -> ResponseReturnValue:
    """Ends the server-side session, so a copy of this browser's cookie stops working too."""
    if current_user.is_authenticated:
        with services().db.session() as db:
            staff_sessions.end(db, me().token)
    logout_user()
    session.clear()
    return redirect(url_for("auth.login"))
