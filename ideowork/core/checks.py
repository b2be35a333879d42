"""System checks of core's settings (``ideowork check``)."""

from django.conf import settings
from pathlib import Path

from django.core.checks import Error, Tags, Warning, register

from .audit_chain import audit_key_source


@register(Tags.security)
def check_audit_key(app_configs, **kwargs):
    """The audit chain's key must live outside the database and apart from the secret key in
    production: a key derived from SECRET_KEY is for development."""
    if settings.AUDIT_KEY_FILE and not settings.AUDIT_KEY:
        path = Path(settings.AUDIT_KEY_FILE)
        try:
            readable = len(path.read_bytes().strip()) >= 32
        except OSError:
            readable = False
        if not readable:
            return [Error(f"审计日志校验链的密钥文件 {path} 不存在、无法读取或少于32字节。",
                          hint="生成密钥：head -c 48 /dev/urandom | base64 > 该文件，并只允许运行本系统的账户读取。",
                          id="ideowork.E002")]
        return []
    if settings.DEBUG or audit_key_source() != "derived":
        return []
    return [Warning(
        "审计日志校验链的密钥未配置，正在使用由 SECRET_KEY 派生的开发用密钥。",
        hint="设置环境变量 IDEOWORK_AUDIT_KEY（密钥本身）或 IDEOWORK_AUDIT_KEY_FILE（保存密钥的文件路径），"
             "密钥保存在数据库之外；更换密钥后已有审计记录将无法校验。",
        id="ideowork.W001",
    )]
