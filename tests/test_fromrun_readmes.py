"""from-run on 20 docker run lines in the style of project READMEs (details invented)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from compose_migrate import loading
from compose_migrate.catalog import versions_accepting
from compose_migrate.findings import ComposeMigrateError, Severity
from compose_migrate.fromrun import parse_script, to_compose
from compose_migrate.validation.schema import schema_findings
from compose_migrate.versions import ComposeVersion

V = ComposeVersion

READMES: dict[str, str] = {
    "postgres": """docker run -d --name some-postgres -e POSTGRES_PASSWORD=mysecretpassword \\
  -e PGDATA=/var/lib/postgresql/data/pgdata -v pgdata:/var/lib/postgresql/data -p 5432:5432 postgres:16.2""",
    "redis": "docker run --name my-redis -d -p 127.0.0.1:6379:6379 redis:7-alpine redis-server --save 60 1",
    "nginx": """docker run -d --name web \\
  -v "$PWD/nginx.conf":/etc/nginx/nginx.conf:ro \\
  --mount type=bind,source=/srv/www,target=/usr/share/nginx/html,readonly \\
  -p 80:80 -p 443:443 --restart unless-stopped nginx:1.25-alpine""",
    "grafana": """docker run -d -p 3000:3000 --name=grafana --user "$(id -u)" \\
  -e "GF_INSTALL_PLUGINS=grafana-clock-panel" -e GF_SECURITY_ADMIN_PASSWORD__FILE=/run/secrets/pw \\
  --volume grafana-storage:/var/lib/grafana grafana/grafana-oss:10.4.1""",
    "minio": """docker run -d -p 9000:9000 -p 9001:9001 --name minio \\
  -v ~/minio/data:/data -e "MINIO_ROOT_USER=ROOTNAME" -e "MINIO_ROOT_PASSWORD=CHANGEME123" \\
  quay.io/minio/minio server /data --console-address ":9001\"""",
    "traefik": """docker run -d -p 8080:8080 -p 80:80 \\
  -v /var/run/docker.sock:/var/run/docker.sock:ro --network proxy \\
  --label traefik.enable=true --label 'traefik.http.routers.api.rule=Host(`traefik.localhost`)' \\
  traefik:v3.0 --api.insecure=true --providers.docker""",
    "gitlab-runner": """docker run -d --name gitlab-runner --restart always \\
  -v /srv/gitlab-runner/config:/etc/gitlab-runner \\
  -v /var/run/docker.sock:/var/run/docker.sock gitlab/gitlab-runner:latest""",
    "portainer": """docker volume create portainer_data
docker run -d -p 8000:8000 -p 9443:9443 --name portainer --restart=always \\
  -v /var/run/docker.sock:/var/run/docker.sock -v portainer_data:/data portainer/portainer-ce:2.20.2""",
    "elasticsearch": """docker network create elastic
docker run -d --name es01 --net elastic -p 9200:9200 -it -m 1GB \\
  --ulimit nofile=65535:65535 --ulimit memlock=-1:-1 --sysctl vm.max_map_count=262144 \\
  -e discovery.type=single-node -e ES_JAVA_OPTS="-Xms512m -Xmx512m" \\
  docker.elastic.co/elasticsearch/elasticsearch:8.13.0""",
    "gpu-job": """docker run --rm --gpus all --ipc=host --shm-size 8g \\
  -v "$(pwd)":/workspace -w /workspace nvcr.io/nvidia/pytorch:24.03-py3 python train.py --epochs 10""",
    "mysql": """docker run --name app-mysql -e MYSQL_ROOT_PASSWORD=my-secret-pw -e MYSQL_DATABASE=app \\
  --health-cmd 'mysqladmin ping -h 127.0.0.1' --health-interval 10s --health-retries 5 -d mysql:8.3""",
    "mongo": "docker run -d --name mongo -p 27017:27017 -v mongodata:/data/db mongo:7 --wiredTigerCacheSizeGB 1",
    "rabbitmq": "docker run -d --hostname my-rabbit --name rabbit -p 15672:15672 -p 5672:5672 rabbitmq:3-management",
    "pihole": """docker run -d --name pihole -p 53:53/tcp -p 53:53/udp -p 8081:80 \\
  -e TZ='Europe/Berlin' -v ./etc-pihole:/etc/pihole --dns=127.0.0.1 --dns=1.1.1.1 \\
  --cap-add=NET_ADMIN --restart=unless-stopped pihole/pihole:2024.03.2""",
    "home-assistant": """docker run -d --name homeassistant --privileged --restart=unless-stopped \\
  -e TZ=Europe/Amsterdam -v /srv/ha/config:/config -v /run/dbus:/run/dbus:ro \\
  --network=host ghcr.io/home-assistant/home-assistant:stable""",
    "registry": """docker run -d -p 5000:5000 --restart always --name registry \\
  -v /mnt/registry:/var/lib/registry registry:2""",
    "node-app": """docker run -d --init --name api -u node -w /home/node/app -e NODE_ENV=production \\
  --read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges \\
  --cpus 0.5 --memory 256m --pids-limit 100 -p 3000:3000 example/api:1.4.2 node server.js""",
    "jenkins": """docker run -d -p 8080:8080 -p 50000:50000 --restart=on-failure \\
  -v jenkins_home:/var/jenkins_home --name jenkins --stop-timeout 60 jenkins/jenkins:lts-jdk17""",
    "syslog": """docker run -d --name app --log-driver syslog \\
  --log-opt syslog-address=udp://192.168.0.42:514 --log-opt tag="{{.Name}}" example/app:3""",
    "vpn-sidecar": """docker run -d --name vpn --cap-add NET_ADMIN --device /dev/net/tun \\
  --sysctl net.ipv4.conf.all.src_valid_mark=1 -e VPN_PROVIDER=custom example/vpn:1
docker run -d --name torrent --network container:vpn --volumes-from vpn:ro example/torrent:2""",
}


def _convert(text: str) -> Any:
    r = parse_script(text + "\n", name="README")
    assert not r.errors, r.errors
    return r


@pytest.mark.parametrize("name", list(READMES))
def test_readme_to_spec(name: str) -> None:
    out = to_compose(_convert(READMES[name]), V.SPEC)
    data = loading.parse(out.text, name=name, yaml11=False).data
    assert schema_findings(data, V.SPEC) == []
    assert data["services"]


@pytest.mark.parametrize("name", list(READMES))
def test_readme_to_3_8(name: str) -> None:
    r = _convert(READMES[name])
    try:
        out = to_compose(r, V.V3_8)
    except ComposeMigrateError as exc:
        # Refused: each key named must really be one 3.8 lacks.
        named = re.findall(r"services\.[\w-]+\.([\w.\[\]-]+) \(from", exc.finding.message)
        assert exc.finding.code == "CM710" and named, exc.finding.message
        for key in named:
            assert V.V3_8 not in versions_accepting(f"services.*.{key}"), key
        return
    data = loading.parse(out.text, name=name, yaml11=True).data
    assert data["version"] == "3.8"
    assert schema_findings(data, V.V3_8) == []


def test_readme_details() -> None:
    pg = _convert(READMES["postgres"])
    assert list(pg.services) == ["some-postgres"]
    assert pg.volumes == {"pgdata": {}}
    redis = _convert(READMES["redis"]).services["my-redis"]
    assert redis["ports"] == ["127.0.0.1:6379:6379"] and redis["command"] == "redis-server --save 60 1"
    nginx = _convert(READMES["nginx"]).services["web"]
    assert nginx["volumes"][0] == "$PWD/nginx.conf:/etc/nginx/nginx.conf:ro"
    assert nginx["volumes"][1] == {
        "type": "bind",
        "source": "/srv/www",
        "target": "/usr/share/nginx/html",
        "read_only": True,
    }
    traefik = _convert(READMES["traefik"])
    assert list(traefik.services) == ["traefik"]  # no --name: the image's name
    assert traefik.services["traefik"]["labels"]["traefik.http.routers.api.rule"] == "Host(`traefik.localhost`)"
    assert traefik.networks == {"proxy": {"external": True}}
    es = _convert(READMES["elasticsearch"]).services["es01"]
    assert es["ulimits"] == {"nofile": {"soft": 65535, "hard": 65535}, "memlock": {"soft": -1, "hard": -1}}
    assert es["environment"]["ES_JAVA_OPTS"] == "-Xms512m -Xmx512m" and es["mem_limit"] == "1gb"
    gpu = _convert(READMES["gpu-job"])
    job = gpu.services["pytorch"]
    assert job["deploy"]["resources"]["reservations"]["devices"][0]["count"] == "all"
    assert job["command"] == "python train.py --epochs 10"
    # `$(pwd)` is a command substitution: kept as text, which Compose would not run.
    assert job["volumes"] == ["$$(pwd):/workspace"]
    assert any(f.code == "CM701" and "--rm" in f.message for f in gpu.notes)
    assert [(f.line, f.col) for f in gpu.notes if "command substitution" in f.message] == [(2, 7)]
    grafana = _convert(READMES["grafana"]).services["grafana"]
    assert grafana["user"] == "$$(id -u)"
    sidecar = _convert(READMES["vpn-sidecar"]).services["torrent"]
    assert sidecar["network_mode"] == "service:vpn" and sidecar["volumes_from"] == ["vpn:ro"]
    syslog = _convert(READMES["syslog"]).services["app"]
    assert syslog["logging"]["options"]["tag"] == "{{.Name}}"


def test_readme_v1_where_possible() -> None:
    # Those that need nothing newer than version 1 are written as version 1.
    for name in ("redis", "gitlab-runner", "rabbitmq", "registry", "mongo", "syslog", "home-assistant"):
        out = to_compose(_convert(READMES[name]), V.V1)
        data = loading.parse(out.text, name=name, yaml11=True).data
        assert schema_findings(data, V.V1) == [], name
    out = to_compose(_convert(READMES["syslog"]), V.V1)
    assert "log_driver: syslog" in out.text
    out = to_compose(_convert(READMES["home-assistant"]), V.V1)
    assert "net: host" in out.text
    notes = _convert(READMES["gpu-job"]).notes
    assert all(f.severity is not Severity.ERROR for f in notes)
