"""What can go wrong with an account request: one exception with a stable code per problem
and the field it is about, so a form can put the message next to the right input and the API
can name it in `problems`. Messages are English; the web layer words each code for readers."""

from __future__ import annotations

from schaatsradar.errors import SchaatsradarError

EMAIL_INVALID = "E401"
EMAIL_TAKEN = "E402"
PASSWORD_TOO_SHORT = "E403"
PASSWORD_TOO_LONG = "E404"
PASSWORD_IS_EMAIL = "E405"
WRONG_CREDENTIALS = "E406"
BAD_CLOCK_TIME = "E407"
BAD_SPOILER_MODE = "E408"
BAD_FOLLOW = "E409"
BAD_CHANNEL = "E410"
BAD_EVENTS = "E411"
NOT_FOUND = "E412"
BAD_LANGUAGE = "E413"
BAD_TIMEZONE = "E414"
BAD_TOKEN_NAME = "E415"
QUIET_HOURS_HALF = "E416"
UNKNOWN_ACCOUNT = "E417"
TOO_MANY_CHANNELS = "E418"
SIGN_IN_PAUSED = "E419"
BAD_LINK = "E420"
WRONG_PASSWORD = "E421"
CHANNEL_EXISTS = "E422"
BAD_TOKEN_SCOPE = "E423"


class AccountError(SchaatsradarError):
    """A request about an account that cannot be carried out; `field` names the input."""

    def __init__(self, message: str, code: str, field: str = "") -> None:
        super().__init__(message, code)
        self.field = field


class SignInPaused(AccountError):
    """Too many failed sign-ins for the address or from the client: try again after
    `retry_after` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            f"too many failed sign-ins; try again in {retry_after} s", SIGN_IN_PAUSED, "email"
        )
        self.retry_after = retry_after
