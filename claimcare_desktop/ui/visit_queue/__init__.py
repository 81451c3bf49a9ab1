"""The visit queue workspace: today's follow-up calls first."""
