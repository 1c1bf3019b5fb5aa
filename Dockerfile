# SalesPerf: multi-stage build, non-root runtime, CJK font for PDF reports, data/ as a volume.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Node/npm install the Elsa Studio designer (pinned in src/SalesPerf.Web/Designer/studio) during the build.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props SalesPerf.sln ./
COPY src/SalesPerf.Engine/SalesPerf.Engine.csproj src/SalesPerf.Engine/
COPY src/SalesPerf.Reports/SalesPerf.Reports.csproj src/SalesPerf.Reports/
COPY src/SalesPerf.Web/SalesPerf.Web.csproj src/SalesPerf.Web/
COPY src/SalesPerf.Web/Designer/studio/package.json src/SalesPerf.Web/Designer/studio/package-lock.json src/SalesPerf.Web/Designer/studio/studio.targets src/SalesPerf.Web/Designer/studio/
RUN dotnet restore src/SalesPerf.Web/SalesPerf.Web.csproj
COPY src/ src/
COPY workflows/ workflows/
COPY templates/ templates/
RUN dotnet publish src/SalesPerf.Web/SalesPerf.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# WenQuanYi Micro Hei: Chinese text in PDF reports renders and extracts as the right characters.
# tzdata: deadlines are computed in the company's time zone (Asia/Shanghai by default).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-wqy-microhei tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system salesperf && useradd --system --gid salesperf --home-dir /app salesperf \
 && mkdir -p /app/data && chown salesperf:salesperf /app/data
WORKDIR /app
COPY --from=build --chown=root:root /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_CONTENTROOT=/app \
    SalesPerf__DataPath=/app/data \
    ConnectionStrings__SalesPerf="Data Source=/app/data/salesperf.db"
VOLUME /app/data
USER salesperf
EXPOSE 8080
ENTRYPOINT ["dotnet", "SalesPerf.Web.dll"]
