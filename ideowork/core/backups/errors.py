"""The one error of backing up and restoring: its message is Chinese, with the English after it."""

__all__ = ["BackupError"]


class BackupError(Exception):
    def __init__(self, chinese: str, english: str):
        super().__init__(f"{chinese}（{english}）")
        self.chinese = chinese
        self.english = english
