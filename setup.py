"""The design card fixes a flat layout (extract/, normalize/, schemas/, db/) while every
installed import name lives under ``jixiao``. setuptools maps folders to packages with
``package_dir``; this file finds the subpackages of each mapped folder so that a new
subfolder with an ``__init__.py`` needs no edit here."""
from setuptools import find_namespace_packages, setup

ROOTS = {"jixiao": "jixiao", "jixiao.extract": "extract", "jixiao.normalize": "normalize",
         "jixiao.schemas": "schemas", "jixiao.db": "db"}

package_dir, packages = {}, []
for name, folder in ROOTS.items():
    package_dir[name] = folder
    packages.append(name)
    # namespace packages too: data folders (normalize/data, schemas/json) ship as package data
    for sub in find_namespace_packages(folder, exclude=["*__pycache__*"]):
        packages.append(f"{name}.{sub}")
        package_dir[f"{name}.{sub}"] = f"{folder}/{sub.replace('.', '/')}"

setup(package_dir=package_dir, packages=packages)
