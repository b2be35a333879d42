def test_login_page_is_chinese(client, db):
    response = client.get("/login/")
    assert response.status_code == 200
    assert "用户登录" in response.content.decode()


def test_home_requires_login(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_business_user_sees_dashboard_with_no_store(org, login):
    response = login(org.principal).get("/office/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
