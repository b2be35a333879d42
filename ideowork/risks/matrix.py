"""The risk matrix as data (pure Python, no Django): likelihood × impact, each cell a level.

A matrix is a dict::

    {"likelihood": ["很低", …], "impact": ["轻微", …],
     "levels": [{"name": "低", "colour": "#2f6fde"}, …],      # lowest first; a level's rank is its index
     "cells": [[0, 0, 1, …], …]}                              # cells[likelihood - 1][impact - 1] → rank

Likelihood and impact are 1-based positions on their axes. ``check_matrix`` is the one validation
(the edit page and the service), ``level_of`` the one level computation: a risk computes its level
on the copy it was assessed with (``MatrixSnapshot``), so editing an organ's matrix later never
changes an existing risk's level.
"""

from __future__ import annotations

import hashlib
import json
import re

__all__ = ["MIN_SIZE", "MAX_SIZE", "MatrixError", "default_matrix", "check_matrix", "level_of", "digest",
           "matrix_size"]

MIN_SIZE, MAX_SIZE = 3, 5
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")

LIKELIHOOD_LABELS = {3: ["低", "中", "高"], 4: ["很低", "较低", "较高", "很高"],
                     5: ["很低", "低", "中等", "高", "很高"]}
IMPACT_LABELS = {3: ["轻微", "较大", "严重"], 4: ["轻微", "一般", "较大", "严重"],
                 5: ["轻微", "较小", "中等", "较大", "重大"]}
DEFAULT_LEVELS = [{"name": "低", "colour": "#2f6fde"}, {"name": "一般", "colour": "#e0b000"},
                  {"name": "较大", "colour": "#f07c00"}, {"name": "重大", "colour": "#d42020"}]


class MatrixError(ValueError):
    """A matrix that cannot be used: ``field`` names the part, the message says what, in Chinese."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def default_cells(likelihoods: int, impacts: int, levels: int = 4) -> list[list[int]]:
    """Levels by the product of the two positions, scaled to the axes: the usual banding of a 5×5
    matrix (1–4 低, 5–9 一般, 10–15 较大, 16–25 重大) and its equivalent for smaller ones."""
    top = likelihoods * impacts
    bands = [0.16, 0.36, 0.6]  # of the top score: 4/25, 9/25, 15/25
    cells = []
    for l in range(1, likelihoods + 1):
        row = []
        for i in range(1, impacts + 1):
            share = l * i / top
            rank = sum(share > band for band in bands[:levels - 1])
            row.append(min(rank, levels - 1))
        cells.append(row)
    return cells


def default_matrix(likelihoods: int = 5, impacts: int = 5) -> dict:
    return {"likelihood": list(LIKELIHOOD_LABELS[likelihoods]), "impact": list(IMPACT_LABELS[impacts]),
            "levels": [dict(level) for level in DEFAULT_LEVELS], "cells": default_cells(likelihoods, impacts)}


def matrix_size(matrix: dict) -> tuple[int, int]:
    return len(matrix["likelihood"]), len(matrix["impact"])


def check_matrix(matrix: dict) -> dict:
    """The matrix, cleaned (labels stripped, colours lower-case), or ``MatrixError``."""
    likelihood = [str(label).strip() for label in matrix.get("likelihood") or []]
    impact = [str(label).strip() for label in matrix.get("impact") or []]
    for field, labels, name in (("likelihood", likelihood, "可能性"), ("impact", impact, "影响程度")):
        if not MIN_SIZE <= len(labels) <= MAX_SIZE:
            raise MatrixError(field, f"{name}须分为{MIN_SIZE}至{MAX_SIZE}级，现为{len(labels)}级。")
        if any(not label for label in labels):
            raise MatrixError(field, f"{name}的每一级都要有名称。")
        if any(len(label) > 12 for label in labels):
            raise MatrixError(field, f"{name}的等级名称不超过12个字。")
        if len(set(labels)) != len(labels):
            raise MatrixError(field, f"{name}的等级名称不能重复。")
    levels = []
    for n, level in enumerate(matrix.get("levels") or [], 1):
        name = str(level.get("name", "")).strip()
        colour = str(level.get("colour", "")).strip().lower()
        if not name:
            raise MatrixError("levels", f"第{n}个风险等级没有名称。")
        if len(name) > 8:
            raise MatrixError("levels", f"风险等级“{name}”的名称不超过8个字。")
        if not COLOUR.match(colour):
            raise MatrixError("levels", f"风险等级“{name}”的颜色“{colour}”无效，请写成 #RRGGBB 形式（如 #d42020）。")
        levels.append({"name": name, "colour": colour})
    if not 2 <= len(levels) <= 6:
        raise MatrixError("levels", f"风险等级须有2至6个，现为{len(levels)}个。")
    names = [level["name"] for level in levels]
    if len(set(names)) != len(names):
        duplicate = next(name for name in names if names.count(name) > 1)
        raise MatrixError("levels", f"风险等级名称“{duplicate}”重复，每个等级的名称须不同。")
    cells = matrix.get("cells") or []
    if len(cells) != len(likelihood) or any(len(row) != len(impact) for row in cells):
        raise MatrixError("cells", f"矩阵须为{len(likelihood)}×{len(impact)}格，每一格都要确定风险等级。")
    clean_cells = []
    for l, row in enumerate(cells):
        clean_row = []
        for i, rank in enumerate(row):
            try:
                rank = int(rank)
            except (TypeError, ValueError):
                rank = -1
            if not 0 <= rank < len(levels):
                raise MatrixError("cells", f"可能性“{likelihood[l]}”、影响程度“{impact[i]}”一格没有确定风险等级。")
            clean_row.append(rank)
        clean_cells.append(clean_row)
    return {"likelihood": likelihood, "impact": impact, "levels": levels, "cells": clean_cells}


def level_of(matrix: dict, likelihood: int, impact: int) -> int:
    """The rank of the cell at (likelihood, impact), 1-based; ``MatrixError`` outside the matrix."""
    rows, cols = matrix_size(matrix)
    if not isinstance(likelihood, int) or not 1 <= likelihood <= rows:
        raise MatrixError("likelihood", f"可能性须在1至{rows}级之间（本单位风险矩阵为{rows}×{cols}）。")
    if not isinstance(impact, int) or not 1 <= impact <= cols:
        raise MatrixError("impact", f"影响程度须在1至{cols}级之间（本单位风险矩阵为{rows}×{cols}）。")
    return matrix["cells"][likelihood - 1][impact - 1]


def digest(matrix: dict) -> str:
    return hashlib.sha256(json.dumps(matrix, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
