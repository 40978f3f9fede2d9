# ruff: noqa
"""Names vulture cannot see being used: called by a framework by name, not by our code.

Read by scripts/dead_code.py (never imported). One line per name, grouped by who calls it.
"""

_ = object()

# MkDocs: plugin classes are loaded from entry points (pyproject.toml), hooks are called by name.
_.ThaiPlansPlugin
_.ThaiSearchPlugin
_.on_startup
_.dirty  # a hook parameter MkDocs passes by keyword
_.on_config
_.on_pre_build
_.on_files
_.on_nav
_.on_page_content
_.on_page_context
_.on_post_page
_.on_post_template
_.on_post_build
_.on_build_error
_.on_serve
_.edit_url  # Page.edit_url, read by the theme's edit button
_.is_modified  # File.is_modified, asked by MkDocs' dirty build (PreviewFile)

# Python-Markdown extension API (mkdocs.yml `markdown_extensions: generator.markdown_ext`).
_.makeExtension
_.extendMarkdown
_.tail  # xml.etree Element.tail, read when the tree is serialised

# Standard-library callbacks.
_.handle_starttag  # html.parser.HTMLParser
_.handle_endtag
_.handle_data
_.log_message  # http.server.BaseHTTPRequestHandler (PDF print server)
_.compress_type  # zipfile.ZipInfo, read by ZipFile.writestr (reproducible ZIPs)
_.create_system
_.external_attr

# pydantic: model configuration is read by the metaclass.
_.model_config

# Maintenance commands run by hand (documented in their module docstring).
_.write_vscode_settings

# MkDocs config: the plugin lowers this validation level while a preview shows the problem page.
_.omitted_files

# Used by tests/test_pii.py to generate every title variant (vulture does not read tests/).
_.ALL_TITLES

# ruamel.yaml: read by its round-trip loader (keep the quotes of an existing file).
_.preserve_quotes

# MkDocs event and Jinja's attribute: the theme environment's compiled-template cache (generator/mkdocs_plugin.py).
_.on_env
_.bytecode_cache

# tests/test_extract_events.py and test_search.py: the finished page's article, the reference the index's
# extract_content is checked against (generator/search/extract.py).
_.extract_page
