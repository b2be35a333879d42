from django.shortcuts import render


def permission_denied(request, exception=None):
    message = str(exception) if exception and str(exception) else "您没有访问此页面的权限。"
    return render(request, "core/error.html", {"title": "无权访问", "message": message}, status=403)


def not_found(request, exception=None):
    return render(request, "core/error.html",
                  {"title": "页面不存在", "message": "您访问的页面或记录不存在，或您无权查看。"}, status=404)
