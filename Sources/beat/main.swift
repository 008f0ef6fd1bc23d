import BeatCore
print(BeatVersion.string)
