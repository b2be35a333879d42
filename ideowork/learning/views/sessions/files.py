"""Files of sessions and reflections, served only to those who may see the record they belong to."""

import mimetypes

from django.http import FileResponse, Http404

from ideowork.core.permissions import is_business

from ...access import access_session
from ...actions.sessions import may_manage_session
from ...models import MakeupStudy, SessionMaterial

__all__ = ["material_download", "makeup_download", "file_response"]


def file_response(attachment):
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404("文件已不存在。") from None
    content_type = mimetypes.guess_type(attachment.original_name)[0] or "application/octet-stream"
    response = FileResponse(handle, as_attachment=True, filename=attachment.original_name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@is_business
def material_download(request, pk):
    material = SessionMaterial.objects.filter(pk=pk, attachment__isnull=False).select_related("attachment").first()
    if material is None:
        raise Http404("文件不存在。")
    access_session(request.user, material.session_id)
    return file_response(material.attachment)


@is_business
def makeup_download(request, pk):
    makeup = MakeupStudy.objects.filter(pk=pk, attachment__isnull=False).select_related("attachment").first()
    if makeup is None:
        raise Http404("文件不存在。")
    session = access_session(request.user, makeup.session_id)
    if makeup.user_id != request.user.pk and not may_manage_session(request.user, session):
        raise Http404("文件不存在。")
    return file_response(makeup.attachment)
