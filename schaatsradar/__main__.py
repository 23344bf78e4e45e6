from schaatsradar.cli import app

app()
