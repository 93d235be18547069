docker run -d --name ok1 nginx:1.25

docker run -d --memry 512m --name typo nginx:1.25
docker run --memory lots nginx:1.25
docker run -d --name ok2 --privileged=false alpine:3.20 sleep 1d
docker run -p 70000:80 nginx
docker run -d
