{{/* The release's name for every object, at most 63 characters. */}}
{{- define "hoptrace.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "hoptrace.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "hoptrace.labels" -}}
{{ include "hoptrace.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/*
An environment variable from a secret value: the existing Secret if one is named, else the chart's
Secret under the given key. Nothing when neither an existing Secret nor a value is given.
Arguments: list <root> <env name> <values dict> <value field> <chart secret key>
*/}}
{{- define "hoptrace.secretEnv" -}}
{{- $root := index . 0 -}}
{{- $env := index . 1 -}}
{{- $values := index . 2 -}}
{{- $field := index . 3 -}}
{{- $key := index . 4 -}}
{{- if $values.existingSecret }}
- name: {{ $env }}
  valueFrom:
    secretKeyRef:
      name: {{ $values.existingSecret }}
      key: {{ $values.existingSecretKey }}
{{- else if index $values $field }}
- name: {{ $env }}
  valueFrom:
    secretKeyRef:
      name: {{ include "hoptrace.fullname" $root }}
      key: {{ $key }}
{{- end }}
{{- end -}}
