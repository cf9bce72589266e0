# SAAI: `make dev` runs the whole system locally, `make test` runs every test.
# Both install what is missing the first time (.venv, the frontends' packages).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
FRONTENDS := frontends
STAGE ?= dev
export AWS_DEFAULT_REGION ?= us-east-1

.PHONY: dev test lint unit stack-tests frontends frontends-test package chromium clean help

help:
	@echo "make dev    - SAAI local en 127.0.0.1 (API :8000, web :8080, WebSocket :8001)"
	@echo "make test   - lint, pruebas, plantilla de despliegue y pruebas de navegador"
	@echo "make package STAGE=dev|prod - plantilla de CloudFormation para un stage"

$(VENV)/.instalado: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || \
		{ echo "Se necesita Python 3.11 (PYTHON=$(PYTHON))"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

$(FRONTENDS)/node_modules/.instalado: $(FRONTENDS)/package.json $(FRONTENDS)/package-lock.json
	cd $(FRONTENDS) && npm ci --no-audit --no-fund
	touch $@

frontends: $(FRONTENDS)/node_modules/.instalado
	cd $(FRONTENDS) && npm run build

dev: $(VENV)/.instalado frontends
	$(PY) -m tools.local.stack $(if $(DEMO),--demo $(DEMO),)

lint: $(VENV)/.instalado
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

unit: $(VENV)/.instalado
	$(PY) -m pytest -m "not stack and not browser"

frontends-test: $(FRONTENDS)/node_modules/.instalado
	cd $(FRONTENDS) && npm test

package: $(VENV)/.instalado
	$(PY) -m tools.template --stage $(STAGE) --out build/recursos-$(STAGE).json
	rm -rf build/paquete-$(STAGE)
	$(VENV)/bin/chalice package --stage $(STAGE) \
		--merge-template build/recursos-$(STAGE).json build/paquete-$(STAGE)
	$(VENV)/bin/cfn-lint build/paquete-$(STAGE)/sam.json

chromium:
	@sh tools/asegurar-chromium.sh

stack-tests: $(VENV)/.instalado frontends chromium
	$(PY) -m pytest -m "stack or browser"

test: lint unit frontends-test package stack-tests

clean:
	rm -rf build .pytest_cache .ruff_cache
