{{/* Names and labels shared by every template. */}}
{{- define "lookout.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "lookout.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "lookout.selectorLabels" -}}
app.kubernetes.io/name: {{ include "lookout.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "lookout.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "lookout.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "lookout.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "lookout.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "lookout.secretName" -}}
{{- if .Values.secrets.existingSecret }}
{{- .Values.secrets.existingSecret }}
{{- else }}
{{- include "lookout.fullname" . }}
{{- end }}
{{- end }}

{{/*
The Lookout config file: what the chart must decide (listen address, port, data dir, policy path)
merged over the user's `config`. Secrets never appear here, only ${ENV} references.
*/}}
{{- define "lookout.config" -}}
{{- $managed := dict "server" (dict "host" "0.0.0.0" "port" (int .Values.service.targetPort)) "dataDir" "/var/lib/lookout" }}
{{- if .Values.policy.enabled }}
{{- $_ := set $managed "approvals" (dict "policyFile" "/etc/lookout/policy/policy.yaml") }}
{{- end }}
{{- $config := mustMergeOverwrite (deepCopy .Values.config) $managed }}
{{- toYaml $config }}
{{- end }}

{{/* Refuse combinations that would start but misbehave. */}}
{{- define "lookout.validate" -}}
{{- $db := (.Values.config.database | default dict) }}
{{- $url := ($db.url | default "") | toString }}
{{- $replicas := int .Values.replicaCount }}
{{- if and (gt $replicas 1) (not (hasPrefix "jdbc:postgresql:" $url)) (not (hasPrefix "${" $url)) }}
{{- fail "replicaCount > 1 needs PostgreSQL: set config.database.url to a jdbc:postgresql:// URL (SQLite lives in one pod's volume)" }}
{{- end }}
{{- $approvals := (.Values.config.approvals | default dict) }}
{{- if and (gt $replicas 1) (not $approvals.signingKey) }}
{{- fail "replicaCount > 1 needs one shared button signing key: set config.approvals.signingKey (e.g. ${LOOKOUT_APPROVALS_SIGNING_KEY}) and put the key in the Secret" }}
{{- end }}
{{- if and (gt $replicas 1) .Values.persistence.enabled }}
{{- fail "persistence.enabled is for a single SQLite replica; with replicaCount > 1 the state lives in PostgreSQL" }}
{{- end }}
{{- end }}
