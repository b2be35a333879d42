"""A material's file, streamed from disk with byte ranges (video seeks), to those who may see it."""

import re
from urllib.parse import quote

from csp.decorators import csp_replace
from django.http import HttpResponse, StreamingHttpResponse
from django.views.decorators.clickjacking import xframe_options_sameorigin

from ideowork.core.permissions import is_business

from ...access import access_material

__all__ = ["ranged_file_response", "material_file"]

CHUNK = 64 * 1024
CONTENT_TYPES = {"pdf": "application/pdf", "mp3": "audio/mpeg", "m4a": "audio/mp4", "wav": "audio/wav",
                 "ogg": "audio/ogg", "mp4": "video/mp4", "webm": "video/webm"}
RANGE_RE = re.compile(r"^bytes=(\d*)-(\d*)$")


def ranged_file_response(request, fieldfile, content_type: str, filename: str):
    """200 with the whole file, or 206 with one requested byte range; 416 for a range outside it.
    Several ranges in one request are answered with the whole file, which HTTP allows."""
    try:
        size = fieldfile.size
    except FileNotFoundError:
        return HttpResponse("文件已不存在。", status=404, content_type="text/plain; charset=utf-8")
    header = request.headers.get("Range", "").strip()
    start, end, status = 0, size - 1, 200
    if header:
        match = RANGE_RE.match(header)
        if match and (match.group(1) or match.group(2)):
            first, last = match.group(1), match.group(2)
            if first:
                start, end = int(first), min(int(last), size - 1) if last else size - 1
            else:
                start, end = max(0, size - int(last)), size - 1
            if start >= size or start > end or (not first and int(last) == 0):
                response = HttpResponse(status=416)
                response["Content-Range"] = f"bytes */{size}"
                return response
            status = 206
        elif "," not in header:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return response
    handle = fieldfile.open("rb")
    handle.seek(start)
    length = end - start + 1

    def chunks():
        remaining = length
        try:
            while remaining > 0:
                data = handle.read(min(CHUNK, remaining))
                if not data:
                    break
                remaining -= len(data)
                yield data
        finally:
            handle.close()

    response = StreamingHttpResponse(chunks(), status=status, content_type=content_type)
    response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    response["X-Content-Type-Options"] = "nosniff"
    if status == 206:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(filename)}"
    return response


@is_business
@xframe_options_sameorigin
@csp_replace({"frame-ancestors": ["'self'"]})
def material_file(request, pk):
    """The material's file, streamed from disk, with byte ranges so that video can seek."""
    material = access_material(request.user, pk)
    if material.attachment is None:
        return HttpResponse("该资料没有文件。", status=404, content_type="text/plain; charset=utf-8")
    attachment = material.attachment
    content_type = CONTENT_TYPES.get(attachment.kind, "application/octet-stream")
    return ranged_file_response(request, attachment.file, content_type, attachment.original_name)
