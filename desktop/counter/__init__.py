"""The counter face (窗口受理): login, find the citizen's business, accept, follow up, issue.

`shell.CounterShell` is the window; it delegates to per-area widgets: `login` (login and
lock screen), `search` (scan/type/search), `reception` (new case: applicant, materials,
decision), `case_view` (an existing case: actions and history), `my_cases` (the
clerk's list with live countdowns). The work they send to the background lives in
`jobs` (Qt-free), run through `desktop.tasks`.
"""
