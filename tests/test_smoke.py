from tests.support import Api


async def test_viewer_returns_roles_of_signed_in_owner(api: Api) -> None:
    org = await api.new_org("viewer")
    data = await api.data(
        "{ viewer { roles user { email } organization { id } } }", token=org.token()
    )
    assert data["viewer"]["roles"] == ["owner"]
    assert data["viewer"]["organization"]["id"] == org.global_id
    data = await api.data("{ viewer { roles } }", token=org.token("viewer"))
    assert data["viewer"]["roles"] == ["viewer"]
