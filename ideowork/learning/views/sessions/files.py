"""Files of sessions and reflections, served only to those who may see the record they belong to."""

from django.http import Http404

from ideowork.core.access import can
from ideowork.core.audit import record_read
from ideowork.core.permissions import is_business
from ideowork.core.uploads import attachment_response

from ...access import access_makeup, access_session_material

__all__ = ["material_download", "makeup_download", "file_response"]


def file_response(attachment):
    return attachment_response(attachment)


@is_business
def material_download(request, pk):
    material = access_session_material(request.user, pk)
    if material.attachment is None:
        raise Http404("文件不存在。")
    record_read(request, "learning.session_material.download", material, subject_repr=material.attachment.original_name)
    return file_response(material.attachment)


@is_business
def makeup_download(request, pk):
    makeup = access_makeup(request.user, pk)
    if makeup.attachment is None:
        raise Http404("文件不存在。")
    if makeup.user_id != request.user.pk and not can(request.user, "decide", makeup):
        raise Http404("文件不存在。")
    record_read(request, "learning.makeup.download", makeup, subject_repr=makeup.attachment.original_name)
    return file_response(makeup.attachment)
