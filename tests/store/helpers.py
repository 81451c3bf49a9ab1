"""Small builders for store tests: a branch, a manager and customers written through the ORM."""
from __future__ import annotations

from claimcare_desktop.domain.ids import new_id
from claimcare_desktop.store.models import Branch, Customer, User


def add_branch_and_manager(session) -> tuple[str, str]:
    branch = Branch(id=new_id(), code="t01", name="测试支公司")
    manager = User(id=new_id(), branch_id=branch.id, username="t01.mgr1", display_name="王伟",
                   role="manager")
    session.add_all([branch, manager])
    session.flush()
    return branch.id, manager.id


def new_customer(branch_id: str, manager_id: str, name: str = "张三") -> Customer:
    return Customer(id=new_id(), branch_id=branch_id, name=name, phone="13812345678",
                    manager_id=manager_id, tags=["车主"])
