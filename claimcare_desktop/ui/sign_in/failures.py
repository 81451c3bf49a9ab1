"""Why an offline sign-in failed (kept light: the dialog imports these before anything heavy)."""


class UnknownOfflineUser(Exception):
    """This user never signed in online on this PC, so cannot sign in offline."""


class WrongPassword(Exception):
    """The password does not match the verifier kept on this PC."""
